# Opiskelijan omat tiedot selkosuomeksi: /omat_tiedot, /vie, /poista, /tauko. Telegramin HTML:ää.

## /omat_tiedot
mydata-title = <b>Nämä tiedot minulla on sinusta, { $name }</b>
mydata-basics-title = <b>Perustiedot</b>
mydata-name = Nimi: { $name }
mydata-group = Ryhmä: { $group }
mydata-coach = Omavalmentaja: { $coach }
mydata-backup = Varavalmentaja: { $backup }
mydata-joined = Mukana: { $date } alkaen
mydata-born = Syntymäpäivä: { $date }. Se on koulun listasta. Siitä aikuiset näkevät, pitääkö heidän kertoa lastensuojeluun, jos olet vaarassa.
mydata-paused = Tauko kyselyistä: { $date } asti
mydata-not-paused = Tauko kyselyistä: ei
mydata-language = Kieli: { $language }
mydata-telegram = Telegram-tunnus: { $id }
mydata-checkins-none = <b>Kyselyt</b>: et ole vielä vastannut yhteenkään.
mydata-checkins-title = <b>Kyselyt</b> ({ $count }). Uusimmat ovat ensin:
mydata-checkins-more = …ja { $count ->
        [one] 1 vanhempi
       *[other] { $count } vanhempaa
    }. Kaikki näet tiedostona, kun kirjoitat /vie.
mydata-session-status = Tila
    .open = kesken
    .completed = vastasit
    .expired = et vastannut
    .cancelled = peruttu
    .superseded = loppui kesken
mydata-concerns-none = <b>Huolet ja tapaamiset</b>: ei yhtään.
mydata-concerns-title = <b>Huolet ja tapaamiset</b>. Nämä näkevät omavalmentaja, varavalmentaja ja koulun koordinaattori. Myös kuraattori näkee ne, jos kerroit väkivallasta tai siitä, ettet ole turvassa:
mydata-concern = • { $date }: { $level } ({ $status }, { $holder })
mydata-level = Taso
    .info = tiedoksi
    .concern = huoli
    .urgent = kiire
    .crisis = kriisi
mydata-concern-status = Tila
    .open = auki
    .acknowledged = aikuinen hoitaa
    .contacted = aikuinen otti yhteyttä
    .followup = aikuinen seuraa
    .closed = valmis
mydata-contact = • { $date }: aikuinen otti yhteyttä ({ $channel }), { $coach }
mydata-noticed = <b>Mitä huomasin sinun viesteistä</b>: { $topics }. Jos huomaan jotain huolestuttavaa, koulun aikuinen saa tiedon. Kerron sinulle aina samalla, kuka saa tiedon.
mydata-noticed-topic = { $topic } ({ $count } { $count ->
    [one] kerta
   *[other] kertaa
})
mydata-safety-title = <b>Kun kysyin, oletko turvassa</b>:
mydata-safety-row = • { $date }: { $answer ->
    [safe] vastasit, että olet turvassa
    [unsafe] vastasit, ettet ole turvassa. Aikuiset saivat tiedon heti
    [timeout] et vastannut. Koulun aikuinen sai tiedon, jotta joku kysyy, miten voit
   *[open] kysymys odottaa sinun vastausta
}{ $shared ->
    [yes] ; halusit, että omavalmentaja tietää
    [no] ; et halunnut, että kerron tästä
   *[none] {""}
}
mydata-followup = • Sovittu yhteys { $date } ({ $done ->
    [yes] tehty
   *[no] tulossa
})
mydata-audit-none = <b>Kuka on katsonut sinun tietoja</b>: ei vielä kukaan koulun henkilökunnasta.
mydata-audit-title = <b>Kuka on katsonut sinun tietoja</b>:
mydata-audit-row = • { $when }: { $who } – { $what }
mydata-audit-someone = koulun työntekijä
mydata-audit-more = …ja { $count ->
        [one] 1 kerta aiemmin
       *[other] { $count } kertaa aiemmin
    }.
audit-what = katsoi sinun tietoja
    .students_list = katsoi listaa, jossa on hänen opiskelijat
    .student_card = avasi sinun tiedot
    .roster_view = katsoi ryhmän nimet
    .coach_assigned = vaihtoi sinun valmentajan
    .student_link = teki sinulle linkin
    .student_access_refused = yritti avata sinun tiedot, mutta ei saanut
    .cases_list = näki sinun asian listalla
    .case_card = avasi sinun asian
    .case_history = katsoi sinun vanhat asiat
    .contact_log_opened = alkoi kirjoittaa muistiin tapaamista sinun kanssa
    .study_status_set = kirjasi, miten sinun opinnot jatkuvat
    .contact_pick_list = näki sinun nimen listalla, kun kirjoitti muistiin tapaamista
    .history_pick_list = näki sinun nimen listalla, kun katsoi vanhoja asioita
    .cases_export = tallensi sinun asian tiedostoon
    .contact_logged = kirjoitti muistiin tapaamisen sinun kanssa
    .concern_closed = merkitsi sinun asian valmiiksi
    .concern_alert = sai viestin, jotta hän ottaa sinuun yhteyttä
    .concern_acknowledged = näki viestin ja lupasi ottaa sinuun yhteyttä
    .digest = sai viikon koosteen, jossa oli sinun nimi
    .handover_request = sai pyynnön hoitaa sinun asia
    .handover_accepted = alkoi hoitaa sinun asiaa
mydata-footer = Haluatko tiedot tiedostona? Kirjoita /vie. Haluatko tauon kyselyistä? Kirjoita /tauko. Haluatko poistaa kaiken? Kirjoita /poista. Onko jokin väärin? Kerro omavalmentajalle.

## /vie
export-about = Kaikki tiedot, jotka Kohtaamo on tallentanut sinusta. Yksi taulu kerrallaan. Tunnus (id) kertoo, mitkä rivit kuuluvat yhteen.
export-caption = Tässä ovat kaikki sinun tiedot tiedostona (JSON). Tiedosto on vain sinulle. Pidä se tallessa.

## /poista
erase-ask =
    <b>Poistanko kaikki sinun tiedot Kohtaamosta?</b>

    Poistan heti sinun vastaukset, viestit ja kaiken muun. Et saa niitä takaisin. Omavalmentaja saa tiedon, että lähdit. Hän ei saa muuta tietoa.

    2 asiaa jää: Koulun aikuiset ovat voineet saada Telegramiin viestejä sinusta. Poistan ne viestit, jos lähetin ne viimeisen 2 vuorokauden aikana. Vanhempia viestejä Telegram ei anna poistaa. Lisäksi koululla on varmuuskopiot. Sinun tiedot häviävät niistä, kun vanhat varmuuskopiot poistuvat. Se vie yleensä 2 viikkoa.

    Haluatko vain levätä? Kirjoita /tauko. Haluatko ensin tallentaa sinun tiedot? Kirjoita /vie.
erase-yes = 🗑️ Kyllä, poista kaikki
erase-no = En halua poistaa
erase-cancelled = Hyvä. En poistanut mitään. 🙂
erase-confirmed = 🗑️ <i>Poistettu.</i>
erase-done = Poistin sinun tiedot Kohtaamosta. Kiitos, että olit mukana. 💙 Haluatko joskus takaisin? Pyydä koululta uusi linkki. Apua saat aina: 112 tai /apua.

## /tauko
pause-ask = <b>Haluatko tauon kyselyistä?</b> Tauon aikana et saa kyselyjä. Omavalmentaja näkee, että pidät taukoa. Hän ei kysy syytä. Kuinka pitkä tauko?
pause-week = 1 viikko
pause-two-weeks = 2 viikkoa
pause-pick-date = 📅 Valitsen päivän
pause-cancel = Ei taukoa
pause-cancelled = Selvä, ei taukoa. 🙂
pause-type-date = Mihin päivään asti haluat tauon? Kirjoita päivä. Esimerkiksi { $example }
pause-date-hint = En ymmärtänyt päivää. Kirjoita päivä näin: { $example }
pause-date-range = Valitse päivä. Päivä voi olla tänään tai myöhemmin, mutta viimeistään { $last }.
pause-set = ⏸️ Sinulla on tauko { $date } asti. Kyselyt alkavat taas { $resume }. Voit lopettaa tauon aiemmin: kirjoita /tauko. Kun kirjoitat /apua, saat aina apua.
pause-on = ⏸️ Sinulla on tauko kyselyistä { $date } asti.
pause-resume = ▶️ Lopeta tauko nyt
pause-change = Vaihda päivä
pause-resumed = ▶️ Tervetuloa takaisin, { $name }! Kyselyt tulevat taas.
pause-none = Sinulla ei ole taukoa, { $name }.
pause-ended = Hei { $name }! Sinun tauko loppui. Kyselyt tulevat taas. Kiva kuulla sinusta. 🙂
student-coach-changed = Hei { $name }! Sinulla on uusi omavalmentaja: <b>{ $coach }</b>. Nyt hän näkee sinun vastaukset. Hän saa tiedon, jos tarvitset tukea.
student-study-interrupted = Hei { $name }! Koulu kirjasi, että sinun opinnot ovat loppuneet kesken. Siksi kyselyt loppuvat nyt. Onko tämä virhe? Kerro koulun koordinaattorille. Näet sinun tiedot, kun kirjoitat /omat_tiedot. Voit poistaa ne, kun kirjoitat /poista. Apua saat aina: 112 tai /apua.
student-study-transferred = Hei { $name }! Koulu kirjasi, että siirryit toiseen koulutukseen. Siksi kyselyt loppuvat nyt. Onnea uuteen paikkaan! Näet sinun tiedot, kun kirjoitat /omat_tiedot. Voit poistaa ne, kun kirjoitat /poista. Apua saat aina: 112 tai /apua.
student-study-graduated = Hei { $name }! Onnea, olet valmis! 🎓 Kyselyt loppuvat nyt. Näet sinun tiedot, kun kirjoitat /omat_tiedot. Voit poistaa ne, kun kirjoitat /poista. Apua saat aina: 112 tai /apua.
student-study-studying = Hei { $name }! Olet taas mukana Kohtaamossa. Kyselyt tulevat taas. Omavalmentaja näkee sinun vastaukset, kuten ennen.
