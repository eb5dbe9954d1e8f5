### Aikataulut, kyselykierrokset ja toimitusraportit (/aikataulu). Henkilöstölle.
### Pidä sv- ja en-tiedostoissa täsmälleen samat tunnisteet ja attribuutit.

## Ajan ja aikataulun kuvaus

schedule-weekday = Viikonpäivä
    .d1 = ma
    .d2 = ti
    .d3 = ke
    .d4 = to
    .d5 = pe
    .d6 = la
    .d7 = su
schedule-when = { $weekday } { $date } klo { $time }
schedule-every = { $n ->
        [1] joka viikko
        [2] joka toinen viikko
        [3] joka kolmas viikko
        [4] joka neljäs viikko
       *[other] { $n } viikon välein
    }
schedule-range-open = { $from } alkaen
schedule-range = { $from }–{ $to }
schedule-policy = Loma- ja pyhäpäivät
    .skip = lomalla ei kyselyä
    .shift = lomalta siirto seuraavaan koulupäivään
schedule-line = <b>{ $flow }</b> · { $days } klo { $time } · { $every } · { $range } · { $policy }
schedule-line-prompt = <b>{ $flow }</b> · { $audience } · { $days } klo { $time } · { $every } · { $range } · { $policy }
schedule-prompt-theme = 💬 { $theme }
schedule-prompt-one = 💬 { $theme }: ”{ $prompt }”
schedule-audience = Minne
    .chat = ryhmän chattiin
    .private = jokaiselle yksityisesti
schedule-policy-prompt = Loma- ja pyhäpäivät
    .skip = lomalla ei viestiä
    .shift = lomalta siirto seuraavaan koulupäivään
schedule-next = Seuraava: { $when }
schedule-next-none = Ei tulevia kyselyjä.

## Napit

schedule-button = Napit
    .new = ➕ Uusi aikataulu
    .report = 📊 Raportti { $n }
    .remove = 🗑 Poista { $n }
    .groups = ⬅️ Ryhmät
    .done = Valmis ✔️
    .save = ✅ Tallenna
    .confirm-remove = Kyllä, poista
    .type-time = ⌨️ Muu aika
    .type-range = ⌨️ Kirjoita päivät
    .open-range = Tästä eteenpäin, toistaiseksi
    .school-year = Lukuvuoden loppuun ({ $date })
    .skip = Jätetään väliin
    .shift = Siirretään seuraavaan koulupäivään
    .chat = 💬 Ryhmän chattiin
    .private = 👤 Jokaiselle yksityisesti

## Aikataulun teko

schedule-no-groups = Sinulla ei ole ryhmiä, joiden aikatauluja voisit hallita. Koordinaattori voi lisätä sinut ryhmän ryhmävalmentajaksi.
schedule-choose-group = Minkä ryhmän aikatauluja katsotaan?
schedule-menu-title = <b>Kyselyjen aikataulut: { $group }</b>
schedule-menu-empty = Ryhmällä ei ole vielä aikatauluja. Tee ensimmäinen napista.
schedule-new-title = <b>Uusi aikataulu ryhmälle { $group }</b>
schedule-ask-flow = Mikä kysely lähetetään?
schedule-ask-flow-themes = 💬-napit ovat keskustelunaiheita ryhmälle: joka kerta lähtee teeman seuraava aihe, jota ryhmä ei ole vielä saanut.
schedule-ask-audience = Minne keskustelunaiheet lähetetään?
schedule-audience-no-chat = Ryhmällä ei ole liitettyä chattia. Jos haluat aiheet ryhmän chattiin, lisää minut sinne ja kirjoita siellä /liita.
schedule-ask-days = Minä viikonpäivinä? Valitse yksi tai useampi ja paina lopuksi Valmis.
schedule-ask-time = Mihin aikaan kysely lähtee? Opiskelijan hiljaisina tunteina (yleensä klo 21–8) viesti odottaa aamuun.
schedule-ask-time-typed = Kirjoita kellonaika, esimerkiksi 9.15.
schedule-ask-every = Kuinka usein?
schedule-ask-range = Milloin aikataulu on voimassa?
schedule-ask-range-typed = Kirjoita alku- ja loppupäivä, esimerkiksi 1.12.2026–31.5.2027. Jos aikataululla ei ole loppua, kirjoita vain alkupäivä.
schedule-ask-break = Jos kyselypäivä osuu lomalle tai arkipyhälle, mitä tehdään?
schedule-confirm = Tarkista vielä:
schedule-upcoming = Seuraavat kyselyt:
schedule-upcoming-skip = { $when } – ei kyselyä ({ $name })
schedule-saved = ✅ Aikataulu on tallennettu. Ensimmäinen kysely lähtee { $when }.
schedule-saved-none = ✅ Aikataulu on tallennettu, mutta sen voimassaoloaikana ei ole yhtään kyselypäivää.
schedule-cancelled = Selvä, aikataulua ei tallennettu.
schedule-remove-confirm = Poistetaanko tämä aikataulu? Jo lähetetyt kyselyt ja niiden raportit säilyvät.
schedule-removed = 🗑 Aikataulu on poistettu. Sen mukaan ei enää lähetetä kyselyjä.
schedule-days-needed = Valitse ainakin yksi päivä.
schedule-saved-already = Tämä on jo tallennettu.
schedule-bad-time = En tunnistanut kellonaikaa. Kirjoita se näin: 9.15.
schedule-bad-range = En tunnistanut päiviä. Kirjoita ne näin: 1.12.2026–31.5.2027 (tai pelkkä alkupäivä).
schedule-range-past = Loppupäivä on jo mennyt. Kirjoita päivä, joka on vielä edessä.
schedule-exists = Ryhmällä on jo aikataulu tälle kyselylle. Poista vanha ensin, jos haluat muuttaa sitä.
schedule-not-yours = Et voi hallita tämän ryhmän aikatauluja.
schedule-gone = Tätä aikataulua ei enää ole.

## Toimitusraportti (vain lukumäärät, ei nimiä eikä vastauksia)

schedule-report-title = <b>Raportti: { $flow }</b> · { $group }
schedule-report-none = Tällä aikataululla ei ole vielä kyselykierroksia.
schedule-report-head = <b>{ $when }</b>
schedule-report-sent = Lähetetty { $sent }/{ $total } · vastannut { $answered }
schedule-report-waiting = Odottaa lähetystä: { $count } (hiljaiset tunnit tai uusi yritys)
schedule-report-failed = Lähetys epäonnistui: { $count }
schedule-report-unreachable = Ei tavoitettavissa (estänyt botin): { $count }
schedule-report-already = Vastasi jo tai kesken: { $count }
schedule-report-paused = Tauolla: { $count }
schedule-report-inactive = Ei vielä liittynyt: { $count }
schedule-risk-points-flow = { $flow } – vain riskikohdassa oleville
schedule-ask-flow-risk-points = ”Vain riskikohdassa oleville” lähtee vain niille, joiden opinnot alkoivat { $start ->
        [one] viimeisen viikon aikana
       *[other] viimeisen { $start } viikon aikana
    }, joiden työssäoppiminen alkoi { $work ->
        [one] viimeisen päivän aikana
       *[other] viimeisen { $work } päivän aikana
    } tai jotka palasivat lomalta { $back ->
        [one] viimeisen päivän aikana
       *[other] viimeisen { $back } päivän aikana
    }. Sen voi lähettää viikkokyselyn lisäksi.
schedule-report-not-at-risk-point = Ei riskikohdassa, joten ei kysytty: { $count }
schedule-report-shifted = Siirretty loman vuoksi: { $name }
schedule-report-skipped = Ei kyselyä: { $name }
schedule-report-collides = Ei kyselyä: loma jatkui seuraavaan kyselyyn asti
schedule-report-missed = Jäi lähettämättä: Kohtaamo ei ollut käynnissä ajoissa
schedule-report-superseded = Jäi lähettämättä: tilalle lähetettiin uudempi kysely
schedule-report-broken = Jäi lähettämättä: kyselyä ei löytynyt

## Ilmoitukset henkilöstölle

rounds-missed-intro = ⚠️ <b>Kyselyjä jäi lähettämättä</b>
    Nämä ajastetut kyselyt eivät lähteneet ajallaan:
rounds-missed-line = • { $group }: { $flow }, { $when }
rounds-missed-late = – Kohtaamo ei ollut käynnissä, eikä yli { $hours ->
        [one] 1 tunnin
       *[other] { $hours } tuntia
    } myöhässä olevaa kyselyä lähetetä jälkikäteen.
rounds-missed-superseded = – tilalle lähetettiin uudempi kysely.
rounds-missed-flow-missing = – kyselyä ei enää löydy. Tarkista aikataulu komennolla /aikataulu.
rounds-missed-outro = Seuraavat kyselyt lähtevät aikataulun mukaan. Opiskelijat voivat aina vastata myös itse komennolla /kuulumiset.
delivery-unreachable-coach = 📵 <b>{ $name }</b> on estänyt Kohtaamon tai poistanut Telegram-tilinsä, joten kuulumiskyselyt eivät tavoita häntä. Ota häneen tarvittaessa yhteyttä muuta kautta.
