# Opiskelijan omat tiedot selkosuomeksi: /omat_tiedot, /vie, /poista, /tauko. Telegramin HTML:ää.

## /omat_tiedot
mydata-title = <b>Nämä tiedot minulla on sinusta, { $name }</b>
mydata-basics-title = <b>Perustiedot</b>
mydata-name = Nimi: { $name }
mydata-group = Ryhmä: { $group }
mydata-coach = Omavalmentaja: { $coach }
mydata-backup = Varavalmentaja: { $backup }
mydata-joined = Mukana: { $date } alkaen
mydata-born = Syntymäaika: { $date }. Se on koulun listasta. Siitä aikuiset näkevät, oletko alle 18-vuotias. Jos kerrot, että olet vaarassa, aikuisten pitää ehkä kertoa siitä lastensuojeluun.
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
mydata-concerns-none = <b>Huolet ja yhteydenotot</b>: ei yhtään.
mydata-concerns-title = <b>Huolet ja yhteydenotot</b>. Yhteydenotto tarkoittaa, että koulun aikuinen tapasi sinut, soitti sinulle tai kirjoitti sinulle. Omavalmentajasi, varavalmentajasi ja koulun koordinaattori näkevät nämä. Myös kuraattori näkee ne, jos kerroit väkivallasta tai siitä, ettet ole turvassa:
mydata-concern = • { $date }: { $level } ({ $status }, { $holder })
mydata-level = Taso
    .info = tiedoksi
    .concern = huoli
    .urgent = kiire
    .crisis = kriisi
mydata-concern-status = Tila
    .open = odottaa
    .acknowledged = aikuinen hoitaa
    .contacted = aikuinen otti yhteyttä
    .followup = aikuinen seuraa
    .closed = valmis
mydata-contact = • { $date }: aikuinen otti yhteyttä ({ $channel }), { $coach }
mydata-noticed = <b>Mitä huomasin viesteistäsi</b>: { $topics }. Jos huomaan jotain huolestuttavaa, koulun aikuinen saa tiedon. Kerron sinulle aina samalla, kuka saa tiedon.
mydata-noticed-topic = { $topic } ({ $count } { $count ->
    [one] kerta
   *[other] kertaa
})
mydata-safety-title = <b>Kun kysyin, oletko turvassa</b>:
mydata-safety-row = • { $date }: { $answer ->
    [safe] vastasit, että olet turvassa
    [unsafe] vastasit, ettet ole turvassa. Aikuiset saivat tiedon heti
    [timeout] et vastannut. Koulun aikuinen sai tiedon, jotta joku kysyy, miten voit
   *[open] kysymys odottaa vastaustasi
}{ $shared ->
    [yes] ; halusit, että omavalmentaja tietää
    [no] ; et halunnut, että kerron tästä kenellekään
   *[none] {""}
}
mydata-followup = • Sovittiin, että aikuinen ottaa yhteyttä { $date } ({ $done ->
    [yes] tehty
   *[no] tulossa
})
mydata-audit-none = <b>Kuka on katsonut tai käyttänyt tietojasi</b>: ei vielä kukaan koulun työntekijöistä.
mydata-audit-title = <b>Kuka on katsonut tai käyttänyt tietojasi</b>:
mydata-audit-row = • { $when }: { $who } – { $what }
mydata-audit-someone = koulun työntekijä
mydata-audit-more = …ja { $count ->
        [one] 1 kerta aiemmin
       *[other] { $count } kertaa aiemmin
    }.
audit-what = katsoi tietojasi
    .students_list = katsoi listaa, jossa ovat hänen opiskelijansa
    .student_card = avasi tietosi
    .roster_view = katsoi ryhmän nimiä
    .coach_assigned = vaihtoi valmentajasi
    .student_link = teki sinulle linkin
    .student_access_refused = yritti avata tietosi, mutta ei saanut
    .cases_list = näki asiasi listalla
    .case_card = avasi asiasi
    .case_history = katsoi vanhoja asioitasi
    .contact_log_opened = alkoi kirjoittaa muistiin, että hän oli yhteydessä sinuun
    .study_status_set = kirjoitti muistiin, jatkuvatko opintosi
    .contact_pick_list = näki nimesi listalla, kun hän kirjoitti muistiin yhteydenottoa
    .history_pick_list = näki nimesi listalla, kun hän katsoi vanhoja asioita
    .cases_export = tallensi asiasi tiedostoon
    .contact_logged = kirjoitti muistiin, että hän oli yhteydessä sinuun
    .concern_closed = merkitsi asiasi valmiiksi
    .concern_alert = sai viestin, että hänen pitää ottaa sinuun yhteyttä
    .concern_acknowledged = näki viestin ja lupasi ottaa sinuun yhteyttä
    .digest = sai viikon tiedot, joissa oli nimesi
    .handover_request = sai pyynnön hoitaa asiaasi
    .handover_accepted = alkoi hoitaa asiaasi
mydata-footer = Haluatko tiedot tiedostona? Kirjoita /vie. Haluatko tauon kyselyistä? Kirjoita /tauko. Haluatko poistaa kaiken? Kirjoita /poista. Onko jokin väärin? Kerro omavalmentajalle.

## /vie
export-about = Kaikki tiedot, jotka Kohtaamo on tallentanut sinusta. Yksi taulu kerrallaan. Tunnus (id) kertoo, mitkä rivit kuuluvat yhteen.
export-caption = Tässä ovat kaikki tietosi tiedostona (JSON). Tiedosto on vain sinulle. Pidä se hyvässä tallessa.

## /poista
erase-ask =
    <b>Poistanko kaikki tietosi Kohtaamosta?</b>

    Poistan heti vastauksesi, viestisi ja kaiken muun, mitä olen tallentanut sinusta. Et saa niitä takaisin. Omavalmentajasi saa tiedon, että lähdit. Hän ei saa muuta tietoa.

    2 asiaa jää: Koulun aikuiset ovat voineet saada Telegramiin viestejä sinusta. Poistan ne viestit, jos lähetin ne viimeisen 48 tunnin aikana. Vanhempia viestejä Telegram ei anna poistaa. Lisäksi koululla on varmuuskopiot. Varmuuskopio on kopio tiedoista, jonka koulu tekee varmuuden vuoksi. Tietosi poistuvat varmuuskopioista, kun vanhat varmuuskopiot poistetaan. Siihen menee yleensä 2 viikkoa.

    Haluatko vain tauon? Kirjoita /tauko. Haluatko ensin tallentaa tietosi? Kirjoita /vie.
erase-yes = 🗑️ Kyllä, poista kaikki
erase-no = En halua poistaa
erase-cancelled = Hyvä. En poistanut mitään. 🙂
erase-confirmed = 🗑️ <i>Poistettu.</i>
erase-done = Poistin tietosi Kohtaamosta. Kiitos, että olit mukana. 💙 Haluatko joskus takaisin? Pyydä koululta uusi linkki. Apua saat aina: 112 tai /apua.

## /tauko
pause-ask = <b>Haluatko tauon kyselyistä?</b> Tauon aikana et saa kyselyjä. Omavalmentajasi näkee, että pidät taukoa. Hän ei kysy syytä. Kuinka pitkän tauon haluat?
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
pause-change-ask = ⏸️ Sinulla on nyt tauko { $date } asti. Kuinka pitkän tauon haluat tästä päivästä alkaen?
pause-keep = En muuta päivää
pause-kept = Selvä, päivä ei muutu. Sinulla on tauko { $date } asti.
pause-moved = ⏸️ Päivä on vaihdettu. Sinulla on nyt tauko { $date } asti. Kyselyt alkavat taas { $resume }. Voit lopettaa tauon aiemmin: kirjoita /tauko. Kun kirjoitat /apua, saat aina apua.
pause-resumed = ▶️ Tervetuloa takaisin, { $name }! Kyselyt tulevat taas.
pause-none = Sinulla ei ole taukoa, { $name }.
pause-ended = Hei { $name }! Taukosi loppui. Kyselyt tulevat taas. Kiva kuulla sinusta. 🙂
student-coach-changed = Hei { $name }! Sinulla on uusi omavalmentaja: <b>{ $coach }</b>. Nyt hän näkee vastauksesi. Hän saa tiedon, jos tarvitset tukea.
student-study-interrupted = Hei { $name }! Koulun tiedoissa lukee, että opintosi ovat loppuneet kesken. Siksi kyselyt loppuvat nyt. Onko tämä virhe? Kerro koulun koordinaattorille. Näet tietosi, kun kirjoitat /omat_tiedot. Voit poistaa ne, kun kirjoitat /poista. Apua saat aina: 112 tai /apua.
student-study-transferred = Hei { $name }! Koulun tiedoissa lukee, että siirryit toiseen koulutukseen. Siksi kyselyt loppuvat nyt. Onnea uuteen paikkaan! Näet tietosi, kun kirjoitat /omat_tiedot. Voit poistaa ne, kun kirjoitat /poista. Apua saat aina: 112 tai /apua.
student-study-graduated = Hei { $name }! Onnea, opintosi ovat valmiit! 🎓 Kyselyt loppuvat nyt. Näet tietosi, kun kirjoitat /omat_tiedot. Voit poistaa ne, kun kirjoitat /poista. Apua saat aina: 112 tai /apua.
student-study-studying = Hei { $name }! Olet taas mukana Kohtaamossa. Kyselyt tulevat taas. Omavalmentajasi näkee vastauksesi, kuten ennen.
