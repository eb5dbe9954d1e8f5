### Huolet, hälytykset ja kriisi (bot/services/concerns.py, crisis.py, concern_text.py,
### bot/telegram/features/risk.py). Hälytykset ovat valmentajan kielellä, opiskelijan viestit
### opiskelijan kielellä. Pidä sv- ja en-tiedostoissa samat tunnisteet ja attribuutit.

## Tasot ja tilat

risk-level = Taso
    .info = 🔵 Tiedoksi
    .concern = 🟡 Huoli
    .urgent = 🟠 Kiireellinen
    .crisis = 🔴 KRIISI
risk-status = Tila
    .open = odottaa kuittausta
    .acknowledged = kuitattu
    .contacted = yhteys otettu
    .followup = seurannassa
    .closed = suljettu
risk-weekday = Viikonpäivä
    .d0 = ma
    .d1 = ti
    .d2 = ke
    .d3 = to
    .d4 = pe
    .d5 = la
    .d6 = su
risk-when = { $day } { $date } klo { $hh }.{ $mm }

## Hälytys valmentajalle

risk-alert-head = { $badge }: <b>{ $student }</b>
risk-alert-group = ryhmä { $group }
risk-alert-backup = ⏰ Omavalmentaja { $coach } ei ole kuitannut tätä ajoissa, joten saat sen varavalmentajana.
risk-alert-backup-crisis = Saat tämän heti myös varavalmentajana, koska kyse on kriisistä.
risk-alert-coordinator = ⏰ Kukaan ei ole kuitannut tätä ajoissa (omavalmentaja: { $coach }). Saat sen koordinaattorina.
risk-alert-fallback = Opiskelijalla ei ole tavoitettavaa omavalmentajaa, joten tämä tuli sinulle.
risk-alert-nobody = ei nimettyä
risk-alert-deadline = Kuittaa viimeistään { $when }.
risk-alert-crisis-do = <b>Ota yhteyttä heti.</b> Jos epäilet välitöntä vaaraa, soita 112. Opiskelija sai kriisipuhelinten numerot.
risk-alert-student-knows = { $student } tietää, että tieto välitettiin sinulle.
risk-alert-updated = 🔄 Päivitetty { $when }: tapaukseen tuli uutta tietoa.
risk-alert-again = 🔔 <b>Uusi kriisiviesti { $when }</b> – lue ja kuittaa uudelleen.
risk-alert-acked-you = ✅ Kuittasit { $when }. Opiskelija sai tiedon, että otat yhteyttä.
risk-alert-acked-other = ✅ { $name } kuittasi { $when } ja ottaa yhteyttä.
risk-alert-moved = 🔁 Tapaus siirtyi: { $name } hoitaa sitä { $when } alkaen.
risk-quote = Opiskelija kirjoitti: <i>”{ $text }”</i>
risk-quote-earlier = { $count ->
    [one] (Yksi aiempi viesti näkyy tapauksen tiedoissa: /seuranta)
   *[other] ({ $count } aiempaa viestiä näkyy tapauksen tiedoissa: /seuranta)
}
risk-button-ack = ✋ Otan yhteyttä
risk-button-log = 📝 Kirjaa yhteydenotto
risk-button-handover = 🔁 Anna toiselle valmentajalle

## Faktat hälytyksessä: vain se, mikä tarvitaan yhteydenottoon

risk-measure = Mittari
    .wellbeing = jaksaminen
    .studies = opinnot
    .belonging = porukkaan kuuluminen
    .absence = poissaolot
    .everyday = arki
    .quitting = keskeyttämisajatukset
    .start = opintojen alku
    .worries = huolet
    .help_known = tietää, keneltä kysyä apua
    .workplace = olo työpaikalla
    .guidance = ohjaus työpaikalla
    .safety = turvallisuus työpaikalla
    .workload = työmäärä
    .meaning = opiskelun tärkeys
    .trusted_adult = luotettu aikuinen koulussa
    .loneliness = yksinäisyys
    .field_change = alan vaihtoajatukset
risk-fact-answer = { $label }: { $answer }
risk-fact-question = { $label } <i>{ $answer }</i>
risk-fact-same = { $label } { $answer } { $count ->
        [2] kahdesti peräkkäin
        [3] kolmesti peräkkäin
       *[other] { $count } kertaa peräkkäin
    }
risk-fact-trend = { $label }: { $answers }
risk-fact-missed = { $count ->
        [one] 1 kysely
       *[other] { $count } kyselyä
    } peräkkäin vastaamatta (tauot ja lomat eivät laske)
risk-fact-channel = toivoo yhteydenottoa: { $how }

## Syyt, joita kulut eivät määrittele

risk-r-talk = Opiskelija pyysi itse juttelua (/jutellaan)
risk-r-coach = Valmentaja avasi tapauksen kirjatessaan yhteydenoton
risk-r-review-note = Vapaassa tekstissä mainittiin kriisiin liittyvä asia kieltävässä muodossa – lue ja harkitse, kysytkö kuulumisia
risk-share-review-note = Omavalmentajasi { $coach } näkee viikon yhteenvedosta, mitä kirjoitit lopuksi, jotta hän voi tarvittaessa kysyä, mitä sinulle kuuluu.

## Kriisi: vastaus opiskelijalle heti

risk-crisis-reply = { $name }, kiitos, että kerroit tämän minulle. 💛
risk-crisis-reply-anon = Kiitos, että kerroit tämän minulle. 💛
risk-crisis-told = <b>Tieto tästä lähtee heti eteenpäin:</b> { $who } saa viestin. Kerron sinulle, kun joku on nähnyt sen ja ottaa sinuun yhteyttä.
risk-crisis-after-hours = Nyt on koulupäivän ulkopuolinen aika, joten { $who } ei ehkä näe viestiä ennen seuraavaa koulupäivää, joka alkaa { $when }.
risk-alert-on-call = Saat tämän päivystäjänä, koska nyt on koulupäivän ulkopuolinen aika.
risk-alert-welfare = Saat tämän heti koulun kuraattorina, koska opiskelija kertoi väkivallasta tai siitä, ettei ole turvassa. Omavalmentaja ({ $coach }) sai saman viestin – sopikaa, kuka ottaa yhteyttä.
risk-alert-welfare-coordinator = Saat tämän heti koordinaattorina, koska Kohtaamossa ei ole tavoitettavaa kuraattoria ja opiskelija kertoi väkivallasta tai siitä, ettei ole turvassa. Omavalmentaja ({ $coach }) sai saman viestin. Kuraattorin voi kutsua komennolla /hallinta.
risk-alert-duty-minor = ⚖️ <b>Ilmoitusvelvollisuus:</b> { $student } on alle 18-vuotias. Tee lastensuojeluilmoitus viipymättä – velvollisuus on henkilökohtainen, vaitiolovelvollisuus ei estä sitä. Jos epäilet seksuaalirikosta tai pahoinpitelyä, ilmoita myös poliisille.
risk-alert-duty-unknown = ⚖️ <b>Ilmoitusvelvollisuus:</b> Kohtaamossa ei ole opiskelijan syntymäaikaa. Jos { $student } on alle 18-vuotias, tee lastensuojeluilmoitus viipymättä – velvollisuus on henkilökohtainen. Jos epäilet seksuaalirikosta tai pahoinpitelyä, ilmoita myös poliisille.
risk-alert-duty-adult = { $student } on täysi-ikäinen, joten hänestä ei tehdä lastensuojeluilmoitusta. Jos samassa kodissa asuu alle 18-vuotiaita, tee ilmoitus heistä. Voit myös ohjata hänet sosiaalihuoltoon (SHL 35 §). Tue häntä saamaan apua (esim. Nollalinja, terveydenhoitaja, poliisi) ja kirjaa, mitä sovitte.
risk-crisis-on-call = Tieto lähtee nyt myös koulun päivystäjälle: { $name }.
risk-crisis-service = Koulusi päivystys koulupäivän ulkopuolella: <b>{ $service }</b>.
risk-after-hours-head = 🌙 <b>Koulupäivän ulkopuolella tulleet kriisiviestit</b>
risk-after-hours-acked = • { $student }, { $at }: kuittasi { $name } { $when }
risk-after-hours-open = • { $student }, { $at }: <b>ei vielä kuitattu</b>
risk-crisis-again = Luin viestisi ja välitän senkin eteenpäin.
risk-who-coach = omavalmentajasi { $name }
risk-who-school = koulusi henkilökunta
risk-who-welfare = koulusi kuraattori { $name }
risk-who-coordinator = koulusi koordinaattori { $name }
risk-crisis-told-also = Viestin saa myös { $who } – hän auttaa tällaisissa asioissa.

## Opiskelijalle, kun valmentaja on nähnyt viestin

risk-student-ack = { $name } on nähnyt, mitä kerroit, ja ottaa sinuun yhteyttä. 💬
risk-student-ack-other = { $name } koulultasi on nähnyt, mitä kerroit, ja ottaa sinuun yhteyttä omavalmentajasi puolesta. 💬
risk-student-ack-silence = Hei { $student }! { $name } ottaa sinuun pian yhteyttä ja kysyy, mitä sinulle kuuluu. 🙂
risk-student-handover = Asiaasi hoitaa nyt { $name }. Hän ottaa sinuun yhteyttä. Voit aina kirjoittaa /jutellaan, jos haluat jutella.

## /jutellaan

risk-talk-ask = Kiva, että haluat jutella! 😊 Miten toivoisit, että { $who } ottaa sinuun yhteyttä?
risk-talk-channel = Tapa
    .kasvokkain = 🤝 Kasvokkain koulussa
    .puhelu = 📞 Puhelimessa
    .viesti = 💬 Viestillä
risk-talk-how = Tapa
    .kasvokkain = kasvokkain
    .puhelu = puhelimessa
    .viesti = viestillä
risk-talk-told = Selvä! Välitän toiveesi: { $who } saa tiedon, että haluaisit jutella { $how }, ja ottaa sinuun yhteyttä.
risk-talk-cancelled = Selvä, en lähettänyt mitään. Voit pyytää juttelua milloin vain: /jutellaan
risk-talk-done = Valinta tehty: { $how } ✓

## Valmentajan napit

risk-not-your-case = Tämä tapaus ei ole sinun.
risk-case-moved = Tapaus on siirretty toiselle valmentajalle.
risk-case-closed = Tämä tapaus on jo suljettu.
risk-already-acked = Tämä on jo kuitattu ({ $name }).
risk-acked-toast = Kiitos! Opiskelija saa tiedon, että otat yhteyttä.

## Siirto toiselle valmentajalle

risk-handover-pick = Kenelle siirrät tapauksen <b>{ $student }</b>? Hän saa pyynnön ja voi ottaa tapauksen vastaan. Siihen asti tapaus on sinulla.
risk-handover-nobody = Muita valmentajia ei löytynyt. Pyydä koordinaattoria lisäämään valmentaja.
risk-handover-note = Kirjoita vastaanottajalle ({ $name }) lyhyt saate: mitä hänen on hyvä tietää? Älä kirjoita terveystietoja. Voit myös lähettää pyynnön ilman saatetta.
risk-handover-send-plain = Lähetä ilman saatetta
risk-handover-note-too-long = Saate on vähän liian pitkä ({ $length ->
        [one] 1 merkki
       *[other] { $length } merkkiä
    }). Mahtuisiko se { $limit } merkkiin?
risk-handover-request = 🔁 <b>Siirtopyyntö</b>: { $from } pyytää sinua ottamaan tämän tapauksen hoitaaksesi.
risk-handover-note-shown = Saate: <i>{ $note }</i>
risk-button-accept = ✅ Otan vastaan
risk-button-decline = En voi ottaa
risk-handover-sent = Siirtopyyntö lähetetty: { $name }. Tapaus on sinulla, kunnes hän ottaa sen vastaan.
risk-handover-accepted-you = ✅ Otit tapauksen vastaan. Opiskelija saa tiedon, että hoidat asiaa nyt.
risk-handover-accepted = ✅ { $name } otti tapauksen { $student } vastaan. Kiitos!
risk-handover-declined = { $name } ei voinut ottaa tapausta { $student }. Se on edelleen sinulla.
risk-handover-declined-you = Selvä, kieltäydyit. { $from } saa tiedon.
risk-handover-stale = Tätä pyyntöä ei voi enää käyttää.
risk-handover-cancelled = Siirto peruttu. Tapaus on edelleen sinulla.

## Viikkokooste valmentajalle (maanantaiaamuna)

risk-digest-title = 📋 <b>Viikkokooste, viikko { $week }</b> – opiskelijoitasi { $count }
risk-digest-response = Vastaukset viime viikon kyselyihin: { $answered }/{ $total } ({ $percent } %)
risk-digest-response-none = Viime viikolla ei ollut ajastettuja kyselyjä.
risk-digest-missing = Ei vastannut: { $names }
risk-digest-open = <b>Avoimet tapaukset</b>
risk-digest-open-none = Ei avoimia tapauksia. 👍
risk-digest-open-line = { $badge } { $student }: { $reason } – { $status } ({ $since } alkaen)
risk-digest-overdue = ⏰ kuittaus myöhässä
risk-digest-info = <b>Tiedoksi</b>
risk-digest-info-none = Ei uusia tiedoksi-asioita.
risk-digest-followups = <b>Myöhässä olevat seurannat</b>
risk-digest-followup-line = { $student }: { $what } (sovittu { $due })
risk-digest-followup-nothing = seuranta
risk-digest-footer = Avoimet tapaukset: /seuranta · yhteydenoton kirjaus: /kirjaa
