### Raportit (/raportti), ilmiöt ja suunnitelmat (/ilmiot), oma kehitys (/oma_kehitys).
### report-* ja chart-* ovat tavallista tekstiä (koodi lisää HTML:n ja escapettaa),
### phen-*, plan-* ja trend-* ovat Telegramin HTML:ää.
### Pidä sv- ja en-tiedostoissa täsmälleen samat tunnisteet ja attribuutit.

## Luvut ja nimet

report-percent = { $n } %
report-hours = { $n } h
report-days = { $n } pv
report-period = { $first }–{ $last } ({ $weeks } vk)
report-week = vk { $n }
report-school = Koko koulu
report-title = Raportti: { $scope }
report-measure = { $measure ->
    [wellbeing] Jaksaminen
    [studies] Opinnot
    [belonging] Porukkaan kuuluminen
    [absence] Poissaolot (5 = ei poissaoloja)
    [quitting] Lopettamisajatukset (5 = ei ajatuksia)
    [workplace] Työpaikalla viihtyminen
    [guidance] Ohjaus työpaikalla
    [safety] Turvallisuus työpaikalla
    [workload] Työmäärä
    [start] Opintojen alku
    [help_known] Tietää, mistä saa apua
    [meaning] Opiskelun tärkeys
    [trusted_adult] Luotettu aikuinen koulussa (5 = on)
    [loneliness] Yksinäisyys (5 = ei koskaan)
    [field_change] Alan vaihtoajatukset (5 = ei ajatuksia)
    [everyday] Arki
    [worries] Alun huolet
   *[other] { $measure }
}
report-cue = { $category ->
    [crisis] kriisi
    [detachment] irtaantuminen
    [absence] poissaolot
    [loneliness] yksinäisyys
    [money] raha
    [sleep] uni
    [positive] myönteiset
    [child_protection] lastensuojelu
    [eating] syöminen
    [substance] päihteet
    [bullying] kiusaaminen
    [hopelessness] toivottomuus
   *[other] { $category }
}
report-level = { $level ->
    [info] tiedoksi
    [concern] huoli
    [urgent] kiireellinen
   *[crisis] kriisi
}
report-bucket = { $bucket ->
    [low] 1–2
    [mid] 3
   *[high] 4–5
}
report-handled = { $state ->
    [contacted] yhteydenotto kirjattu
    [closed_no_contact] suljettu ilman yhteydenottoa
   *[pending] kesken
}
report-recovery-state = { $state ->
    [recovered] palautui
   *[not_recovered] ei palautunut
}
report-studying-state = { $state ->
    [studying] opiskelee yhä
   *[left] lopettanut
}
report-path = { $point ->
    [start] opintojen alku
    [work_learning] työpaikalla oppiminen
    [return] paluu tauolta
   *[other] muu aika
}
report-reason-other = muu

## Yhteenveto chatissa

report-section-input = 1. Panos – kuulumiskyselyt
report-section-situation = 2. Tilannekuva – mitä opiskelijat kertovat
report-section-output = 3. Tuotos – huolet ja yhteydenotot
report-section-outcome = 4. Tulos – palautuminen
report-section-impact = 5. Vaikutus – opinnot jatkuvat
report-section-groups = Ryhmät rinnakkain
report-l-enrolled = Opiskelijoita
report-l-sent = Päättyneitä kyselyjä
report-l-rate = Vastausprosentti
report-mean = ka
report-answers = vastauksia { $n }
report-l-options = { $measure }, vaikeaa juuri nyt
report-l-cues = Herätteet vapaasta tekstistä (opiskelijoita)
report-no-answers = Ei vastauksia tältä ajalta.
report-l-concerns = Huolia
report-l-path = Missä opintopolun kohdassa
report-l-handled = Huolet (ei tiedoksi-tasoa)
report-l-ack = Aika kuittaukseen
report-l-contact = Aika ensimmäiseen yhteydenottoon
report-timing = mediaani { $median }, 90 % alle { $p90 }
report-l-closures = Sulkemisen syyt
report-l-recovery = Mittari palautui { $weeks } viikossa yhteydenotosta
report-followed = seurattuja { $n }
report-l-routes = Tukikeinoittain (palautui)
report-l-studying = Opiskelee yhä (niistä, joista oli huoli)
report-group-line = { $group }: vastaus { $rate } · jaksaminen { $wellbeing } · huolia { $concerns }
report-footer-anon = 🔒 = piilotettu tietosuojan vuoksi: luku koskisi alle { $k ->
        [one] 1 opiskelijan
       *[other] { $k } opiskelijaa
    } tai sen voisi laskea muista luvuista. – = ei tietoa.
report-footer-text = Raportissa ei ole opiskelijoiden kirjoittamaa tekstiä.
report-footer-national = Kansallisiin lukuihin (esim. Kouluterveyskysely) ei verrata: kysymykset ja vastausjaksot eivät ole samat.
report-footer-weeks = Raportti kootaan kokonaisista, päättyneistä viikoista. Päättynyt viikko ei enää muutu, joten kenenkään yksittäistä vastausta ei voi laskea kahden raportin erotuksesta.
report-nothing-ended = Tältä ajalta ei ole vielä yhtään päättynyttä viikkoa. Raportti näyttää vain kokonaisia, päättyneitä viikkoja – kokeile maanantaina uudelleen.

## CSV

report-csv = CSV
    .section = osio
    .scope = ryhmä
    .stat = tieto
    .category = luokka
    .week = viikko
    .value = arvo
    .unit = yksikkö
    .share = osuus %
    .students = opiskelijoita
    .status = tila
report-section-name = { $section ->
    [input] panos
    [situation] tilannekuva
    [output] tuotos
    [outcome] tulos
   *[impact] vaikutus
}
report-stat = { $stat ->
    [enrolled] opiskelijoita
    [sent] päättyneitä kyselyjä
    [answered] vastattuja kyselyjä
    [unanswered] vastaamattomia kyselyjä
    [answers] vastauksia
    [mean] keskiarvo
    [bucket] jakauma
    [week_mean] viikon keskiarvo
    [option_base] vastanneita
    [option] valinneita
    [cue] heräte vapaassa tekstissä
    [concerns] huolia
    [level] huolia tasoittain
    [path] huolia opintopolun kohdittain
    [actionable] huolia (ei tiedoksi-tasoa)
    [handled] käsittely
    [ack_median] aika kuittaukseen, mediaani
    [ack_p90] aika kuittaukseen, 90. persentiili
    [contact_median] aika yhteydenottoon, mediaani
    [contact_p90] aika yhteydenottoon, 90. persentiili
    [closure_median] aika sulkemiseen, mediaani
    [closure_p90] aika sulkemiseen, 90. persentiili
    [closed] suljettuja huolia
    [closure] sulkemisen syy
    [followed] seurattuja huolia
    [recovery] mittarin palautuminen
    [route_followed] seurattuja tukikeinoittain
    [route] palautuminen tukikeinoittain
    [concerned] opiskelijoita, joista huoli
   *[outcome_studying] opintojen jatkuminen
}
report-unit = { $unit ->
    [count] kpl
    [students] opiskelijaa
    [mean] keskiarvo 1–5
   *[other] tuntia
}
report-status = { $status ->
    [shown] näytetty
   *[hidden] piilotettu
}

## Kaaviot (tavallista tekstiä; ei emojeja, koska kaavion fontissa ei ole niitä)

chart-trend-title = Mittareiden kehitys viikoittain – { $scope }
chart-trend-y = Keskiarvo (1 = heikoin, 5 = paras)
chart-week-x = Viikko
chart-dist-title = Vastausten jakauma – { $scope }
chart-dist-x = Osuus vastauksista (%)
chart-concerns-title = Huolet ja niiden käsittely – { $scope }
chart-concerns-y = Huolia (kpl)
chart-concerns-levels = Tasoittain
chart-concerns-handled = Käsittely
chart-groups-title = Ryhmät rinnakkain
chart-groups-rate = Vastausprosentti (%)
chart-groups-wellbeing = Jaksamisen keskiarvo (1–5)
chart-hidden = piilotettu
chart-hidden-note = Piilotettu tietosuojan vuoksi: alle { $k ->
        [one] 1 opiskelijan
       *[other] { $k } opiskelijaa
    } tai laskettavissa muista luvuista.
chart-share-y = Osuus vastanneista (%)
chart-baseline = Vertailutaso
chart-plan-start = Suunnitelma alkoi
chart-mytrend-title = Oma kehitykseni
chart-mytrend-y = 1 = heikoin, 5 = paras
chart-day-x = Päivä

## /raportti

report-choose-scope = 📊 Mistä haluat raportin?
report-choose-period = 📊 { $scope }: miltä ajalta?
report-preset = { $preset ->
    [weeks4] Edelliset 4 viikkoa
    [last_month] Edellinen kuukausi
    [compare] Lukukaudet ja lukuvuodet rinnakkain
   *[term] Tämä lukukausi
}
report-term = { $kind ->
    [autumn] syksy { $year }
    [spring] kevät { $year }
   *[year] lukuvuosi { $year }–{ $next }
}
report-compare-title = { $scope }: lukukaudet ja lukuvuodet rinnakkain
report-footer-compare = Kunkin lukukauden ja lukuvuoden luvut ovat sen omasta raportista, kokonaisista päättyneistä viikoista (viikko kuuluu sille lukukaudelle, jolle sen torstai osuu). Syyslukukausi alkaa 1.8. ja kevätlukukausi 1.1.
report-no-groups = Raportteja voivat katsoa koordinaattori ja ryhmävalmentajat omista ryhmistään. Sinulla ei ole ryhmää, josta voisit katsoa raportin.
report-scope-gone = Tätä ryhmää ei enää löydy sinulta.
report-making = Kokoan raporttia…
report-file = raportti
    .trends = kehitys
    .distribution = jakauma
    .concerns = huolet
    .groups = ryhmat
report-caption-csv = Samat luvut taulukkona (CSV, avautuu Exceliin).
report-caption-chart = { $title }, { $period }

## Ilmiöt (/ilmiot) ja kortti koordinaattorille

phen-signal-cue = { $category ->
    [loneliness] yksinäisyyttä kuvaavat maininnat
    [money] rahahuolet vapaassa tekstissä
    [sleep] uneen ja väsymykseen liittyvät maininnat
    [absence] poissaoloista kertovat maininnat
    [detachment] lopettamista tai irtaantumista kuvaavat maininnat
    [crisis] kriisiin viittaavat maininnat
    [child_protection] väkivaltaan, hyväksikäyttöön tai turvattomaan kotiin viittaavat maininnat
    [eating] syömiseen liittyvät huolet
    [substance] päihteiden käytöstä kertovat maininnat
    [bullying] kiusaamisesta kertovat maininnat
    [hopelessness] toivottomuutta kuvaavat maininnat
   *[other] maininnat: { $category }
}
phen-signal-low = { $measure ->
    [wellbeing] heikko jaksaminen (1–2)
    [studies] opinnot eivät suju (1–2)
    [belonging] ei tunne kuuluvansa porukkaan (1–2)
    [absence] paljon poissaoloja
    [quitting] lopettamisajatukset
    [workplace] heikko viihtyminen työpaikalla (1–2)
   *[other] heikot vastaukset: { $measure }
}
phen-signal-option = vaikeaa juuri nyt: { $option }
phen-card =
    🔎 <b>Ilmiö: { $signal }</b>
    Missä: { $scope }
    Mistä lähtien: viikosta { $week }
    Viimeiset { $recent } viikkoa: <b>{ $current }</b> vastanneista (vertailu: { $baseline } sitä edeltävinä { $baseline_weeks } viikkona)
    Mukana { $students ->
        [one] 1 opiskelija
       *[other] { $students } opiskelijaa
    }.

    Luvut ovat koottuja: yksittäisiä opiskelijoita tai heidän tekstejään ei näy. Haluatko avata yhteisen suunnitelman?
phen-open-plan = 📋 Avaa suunnitelma
phen-not-now = Ei nyt
phen-not-now-done = Selvä. Ilmiö löytyy myöhemmin komennolla /ilmiot.
phen-list-title = 🔎 <b>Ilmiöt ja suunnitelmat</b>
phen-list-empty = Ei havaittuja ilmiöitä eikä suunnitelmia. Seuraan vastauksia viikoittain ja kerron, jos jokin yleistyy selvästi ryhmässä tai koko koulussa.
phen-list-phenomena = <b>Havaitut ilmiöt</b>
phen-list-plans = <b>Suunnitelmat</b>
phen-item = • { $signal } – { $scope }: { $baseline } → { $current } (havaittu { $date })
phen-item-planned = • { $signal } – { $scope }: { $baseline } → { $current } (havaittu { $date }, suunnitelma tehty)
plan-item =
    📋 <b>{ $title }</b>
    Vastuu: { $responsible } · Mukana: { $participants }
    Toimet ja aikataulu: { $actions }
    Alkoi { $start } · arvio { $evaluate }
plan-item-evaluated = Arvio: { $evaluation }
plan-item-waiting = Arvio odottaa.
phen-button-open = 📋 Suunnitelma: { $short }
phen-button-view = 📈 Ennen ja jälkeen: { $short }
phen-gone = Tätä ilmiötä ei enää löydy.

## Suunnitelman teko

plan-ask-responsible =
    📋 <b>Suunnitelma: { $title }</b>

    Kuka vastaa? Kirjoita vastuuhenkilöt, esim. ”kuraattori Liisa ja ryhmävalmentaja Sanna”.
plan-ask-participants = Keitä otetaan mukaan? Valitse kaikki sopivat ja paina Valmis.
plan-participant = { $who ->
    [students] Opiskelijat
    [guardians] Huoltajat
    [welfare] Opiskeluhuolto
    [teachers] Opettajat
   *[partners] Kumppanit (esim. nuorisotyö)
}
plan-ask-actions = Mitä tehdään ja milloin? Kirjoita kukin toimi omalle rivilleen, esim. ”Ryhmäytyspäivä 3.12. Sanna”. Jos rivillä on päivämäärä, muistutan siitä sinä päivänä rivillä mainittua henkilöä tai muuten suunnitelman omistajaa.
plan-ask-evaluate = Milloin arvioidaan, helpottiko? Valitse tai kirjoita päivämäärä (pp.kk.vvvv).
plan-evaluate-in = { $weeks } viikon päästä ({ $date })
plan-confirm =
    📋 <b>{ $title }</b>
    Vastuu: { $responsible }
    Mukana: { $participants }
    Toimet ja aikataulu: { $actions }
    Arvio: { $evaluate }

    Tallennetaanko?
plan-save = ✅ Tallenna
plan-done = Valmis
plan-saved = ✅ Suunnitelma tallennettu. Muistutan sinua arvioinnista { $date }. Suunnitelmat löytyvät komennolla /ilmiot.
plan-cancelled = Selvä, suunnitelma jäi tekemättä. Voit avata sen myöhemmin komennolla /ilmiot.
plan-too-long = Vähän liian pitkä – enintään { $max } merkkiä, kiitos.
plan-too-short = Kirjoita vähintään muutama sana, kiitos.
plan-bad-date = En tunnistanut päivää. Kirjoita muodossa pp.kk.vvvv, esim. { $example }. Päivän pitää olla tulevaisuudessa ja vuoden sisällä.
plan-need-participants = Valitse ainakin yksi.
plan-step-gone = Tämä vaihe on jo ohi.

## Arviointi

plan-reminder =
    ⏰ <b>Arvioinnin aika: { $title }</b>
    Suunnitelma alkoi { $start }. Helpottiko?
plan-reminder-member =
    📋 <b>Suunnitelman arviointi: { $title }</b>
    Olet mukana tässä suunnitelmassa. Se alkoi { $start }. Tässä luvut ennen ja jälkeen; suunnitelman omistaja arvioi, jatketaanko.
plan-before-after =
    Ennen: { $before } vastanneista ({ $before_weeks ->
        [one] 1 viikko
       *[other] { $before_weeks } viikkoa
    } ennen alkua)
    Jälkeen: { $after } vastanneista (alusta tähän päivään)
    { $verdict }
plan-verdict = { $verdict ->
    [eased] 🌱 Näyttää helpottaneen.
    [same] Selvää muutosta ei näy.
    [rose] Ilmiö on yleistynyt entisestään.
   *[unknown] Vastauksia on liian vähän arvioon (alle { $k ->
        [one] 1 opiskelijan
       *[other] { $k } opiskelijaa
    }).
}
plan-evaluate-button = ✍️ Kirjaa arvio
plan-ask-evaluation = Kirjoita lyhyesti, mitä opittiin ja jatketaanko (enintään { $max } merkkiä).
plan-evaluation-saved = ✅ Arvio tallennettu. Kiitos!
plan-view-title = 📈 <b>Ennen ja jälkeen: { $title }</b>
plan-poll-button = 📊 Kysy opiskelijoilta
plan-ask-poll =
    📊 <b>Kysy opiskelijoilta: { $title }</b>
    Kirjoita kysymys ja sen alle 2–10 vastausvaihtoehtoa, kukin omalle rivilleen viivalla alkaen. Esimerkiksi:
    <code>Onko koulussa joku, jolle voit jutella?
    - Kyllä, useampi
    - Yksi
    - Ei ole</code>
    Kysely lähtee nimettömänä yksityisviestinä jokaiselle ryhmän opiskelijalle ({ $groups }; tavoitettavissa nyt: { $count }). Kukaan ei näe, kuka vastasi mitä. Yhteismäärät näkyvät suunnitelman näkymässä, kun vähintään { $least } on vastannut.
plan-poll-confirm =
    📊 <b>Lähetetäänkö tämä kysely?</b>
    <b>{ $question }</b>
    { $options }

    Kenelle: { $groups } – yksityisviestinä jokaiselle opiskelijalle (tavoitettavissa nyt: { $count }). Jos opiskelijalla on hiljaiset tunnit, hän saa kyselyn niiden jälkeen. Yhteismäärät näkyvät, kun vähintään { $least } on vastannut.
plan-poll-again = 🔁 Sama kysymys uudelleen
plan-poll-send = 📤 Lähetä
plan-poll-format = Kyselyssä pitää olla kysymys (rivin lopussa ?) ja sen alla vähintään kaksi vaihtoehtoa, kukin omalla rivillään viivalla alkaen.
plan-poll-no-groups = Suunnitelmalla ei ole ryhmää, jonka opiskelijoilta voisi kysyä.
plan-poll-sent =
    { $count ->
        [0] Kysely on tallennettu, mutta yksikään ryhmän opiskelija ei ole nyt tavoitettavissa.
        [one] ✅ Kysely lähtee yhdelle opiskelijalle.
       *[other] ✅ Kysely lähtee { $count } opiskelijalle.
    } Yhteismäärät näet suunnitelman näkymästä (/ilmiot), kun vähintään { $least } on vastannut. Saat myös lähetysraportin.
plan-poll-results-title = <b>Opiskelijoiden vastaukset</b>
plan-poll-result-head = 📊 <b>{ $question }</b> ({ $date }) – vastanneita { $voters }, kysely tavoitti { $reached }.
plan-poll-result-too-few = 🔒 Vastaukset näytetään, kun niitä on vähintään { $least }.
plan-history-title = <b>Suunnitelman vaiheet lukukausittain</b>
plan-event = • { $date } { $kind ->
        [created] suunnitelma avattiin
        [evaluated] arvioitiin: { $detail }
        [continued] päätettiin jatkaa
        [closed] suunnitelma suljettiin
       *[asked] kysyttiin opiskelijoilta: { $detail }
    }
plan-term-levels = Ilmiön taso lukukausittain (osuus vastanneista): { $levels }

## /oma_kehitys

trend-none = Et ole vielä vastannut kuulumiskyselyihin. Kun vastaat, näet täällä oman kehityksesi. 🌱
trend-measure = { $measure ->
    [wellbeing] Millainen viikko
    [studies] Opinnot
    [belonging] Porukkaan kuuluminen
    [workplace] Työpaikalla viihtyminen
   *[other] { $measure }
}
trend-rose = { $measure ->
    [wellbeing] 🌱 Viikkosi ovat olleet viime aikoina parempia kuin ennen. Hienoa!
    [studies] 🌱 Opintosi sujuvat nyt paremmin kuin aiemmin. Hienoa!
    [belonging] 🌱 Tunnet kuuluvasi porukkaan aiempaa useammin. Ihana kuulla!
    [workplace] 🌱 Viihdyt työpaikalla nyt paremmin kuin aiemmin. Hienoa!
   *[other] 🌱 Vastauksesi ovat parantuneet viime viikkoina. Hienoa!
}
trend-steady = { $measure ->
    [wellbeing] 💪 Sinulla on ollut hyviä viikkoja jo pitkään.
    [studies] 💪 Opintosi ovat sujuneet hyvin jo useamman viikon ajan.
    [belonging] 💪 Olet tuntenut kuuluvasi porukkaan jo useamman viikon ajan.
    [workplace] 💪 Olet viihtynyt työpaikalla hyvin jo useamman viikon ajan.
   *[other] 💪 Vastauksesi ovat olleet hyviä jo useamman viikon ajan.
}
trend-thanks = Kiitos, että olet vastannut jo { $count ->
        [one] 1 kerran
       *[other] { $count } kertaa
    }. Jokainen vastaus auttaa omavalmentajaasi olemaan tukenasi.
trend-privacy = Tässä ovat vain omat vastauksesi. Kukaan muu ei näe tätä kaaviota.

## Yksi kortti samaan nousuun liittyvistä ilmiöistä (sama ilmiö ryhmässä ja koko koulussa, tai ryhmän useampi ilmiö).
phen-card-many = 🔎 <b>{ $count } toisiinsa liittyvää ilmiötä</b>
phen-card-entry =
    <b>{ $signal } – { $scope }</b>
    Mistä lähtien: viikosta { $week }
    Viimeiset { $recent } viikkoa: <b>{ $current }</b> vastanneista (vertailu: { $baseline } sitä edeltävinä { $baseline_weeks } viikkona)
    Mukana { $students ->
        [one] 1 opiskelija
       *[other] { $students } opiskelijaa
    }.
phen-card-many-end = Luvut ovat koottuja: yksittäisiä opiskelijoita tai heidän tekstejään ei näy. Voit avata suunnitelman yhdelle tai useammalle.

## Ryhmävalmentajalle oman ryhmän ilmiöstä: vain kootut luvut.
phen-coach-card = 🔎 <b>Ryhmässäsi { $group } jokin on yleistynyt</b>
phen-coach-card-end = Luvut ovat koottuja: kuka tahansa ryhmän opiskelijoista voi olla mukana, eikä yksittäisiä opiskelijoita tai heidän tekstejään näytetä. Koulun koordinaattori on saanut saman tiedon. Haluatko mukaan suunnittelemaan, mitä tehdään?
phen-join = 🙋 Mukaan
phen-joined = ✅ Olet mukana. Kun koordinaattori tekee suunnitelman, näet sen täällä.
phen-joined-plan = ✅ Olet mukana suunnitelmassa: { $title }
plan-for-member =
    📋 <b>Suunnitelma, jossa olet mukana: { $title }</b>
    Vastuu: { $responsible }
    Mitä tehdään: { $actions }
    Arvioidaan: { $evaluate }

## Suunnitelman omistaja ja tila.
plan-ask-owner = Kuka omistaa suunnitelman? Hän saa muistutuksen arvioinnista. Valitse henkilö.
plan-owner = Omistaja: { $owner }
plan-reminders = Muistutukset:
plan-reminder-line = • { $what } → { $owner }, { $date }
plan-ask-decide = Jatketaanko suunnitelmaa vai suljetaanko se?
plan-continue = 🔁 Jatketaan, uusi arvio { $date }
plan-close = ✅ Suljetaan
plan-continued = 🔁 Suunnitelma jatkuu. Seuraava arvio { $date }; muistutan silloin.
plan-closed = ✅ Suunnitelma suljettu. Kiitos! Se löytyy yhä komennolla /ilmiot.
plan-item-status = Tila: { $status ->
        [open] käynnissä
        [evaluating] arvioitavana
        [continued] jatkuu
       *[closed] suljettu
    }
plan-item-next = seuraava arvio { $date }
plan-action-reminder =
    📌 <b>Tänään suunnitelmassa { $title }</b>
    { $what }
