# Opiskelijan omat tiedot: /omat_tiedot, /vie, /poista, /tauko. Telegramin HTML:ää.

## /omat_tiedot
mydata-title = <b>Tämän tiedän sinusta, { $name }</b>
mydata-basics-title = <b>Perustiedot</b>
mydata-name = Nimi: { $name }
mydata-group = Ryhmä: { $group }
mydata-coach = Omavalmentaja: { $coach }
mydata-backup = Varavalmentaja: { $backup }
mydata-joined = Mukana alkaen: { $date }
mydata-born = Syntymäaika: { $date } (koulun listasta; siitä aikuiset näkevät, pitääkö heidän ilmoittaa lastensuojeluun, jos kerrot olevasi vaarassa)
mydata-paused = Tauko kyselyistä: { $date } asti
mydata-not-paused = Tauko kyselyistä: ei
mydata-language = Kieli: { $language }
mydata-telegram = Telegram-tunnus: { $id }
mydata-checkins-none = <b>Kuulumiskyselyt</b>: et ole vielä vastannut yhteenkään.
mydata-checkins-title = <b>Kuulumiskyselyt</b> ({ $count }) – uusimmat ensin:
mydata-checkins-more = …ja { $count ->
        [one] 1 vanhempi
       *[other] { $count } vanhempaa
    }. Kaikki näet tiedostona komennolla /vie.
mydata-session-status = Tila
    .open = kesken
    .completed = vastattu
    .expired = jäi vastaamatta
    .cancelled = peruttu
    .superseded = päättyi kesken
mydata-concerns-none = <b>Huolet ja yhteydenotot</b>: ei yhtään.
mydata-concerns-title = <b>Huolet ja yhteydenotot</b> – nämä näkevät omavalmentajasi, varavalmentajasi ja koulun koordinaattori (ja kuraattori, jos olet kertonut väkivallasta tai siitä, ettet ole turvassa):
mydata-concern = • { $date }: { $level } ({ $status }, { $holder })
mydata-level = Taso
    .info = tiedoksi
    .concern = huoli
    .urgent = kiireellinen
    .crisis = kriisi
mydata-concern-status = Tila
    .open = avoin
    .acknowledged = otettu hoitoon
    .contacted = yhteys otettu
    .followup = seurannassa
    .closed = suljettu
mydata-contact = • { $date }: yhteydenotto ({ $channel }), { $coach }
mydata-noticed = <b>Mitä huomasin viesteistäsi</b>: { $topics }. Jos huomaan jotain huolestuttavaa, koulun aikuinen saa tiedon – kerron sinulle aina samalla, kuka sen saa.
mydata-noticed-topic = { $topic } ({ $count } { $count ->
    [one] kerta
   *[other] kertaa
})
mydata-safety-title = <b>Kun kysyin, oletko turvassa</b>:
mydata-safety-row = • { $date }: { $answer ->
    [safe] vastasit olevasi turvassa
    [unsafe] vastasit, ettet ole turvassa – aikuiset saivat tiedon heti
    [timeout] et vastannut – koulun aikuinen sai tiedon, jotta joku kysyy vointiasi
   *[open] kysymys odottaa vastaustasi
}{ $shared ->
    [yes] ; halusit, että omavalmentajasi tietää
    [no] ; et halunnut kertoa siitä eteenpäin
   *[none] {""}
}
mydata-followup = • Seuraava yhteydenotto sovittu { $date } ({ $done ->
    [yes] tehty
   *[no] tulossa
})
mydata-audit-none = <b>Kuka on käsitellyt tietojasi</b>: ei vielä kukaan henkilökunnasta.
mydata-audit-title = <b>Kuka on käsitellyt tietojasi</b>:
mydata-audit-row = • { $when }: { $who } – { $what }
mydata-audit-someone = henkilökunnan jäsen
mydata-audit-more = …ja { $count ->
        [one] 1 aiempi kerta
       *[other] { $count } aiempaa kertaa
    }.
audit-what = käsitteli tietojasi
    .students_list = katsoi opiskelijalistaansa
    .student_card = avasi tietosi
    .roster_view = katsoi ryhmän nimilistaa
    .coach_assigned = vaihtoi valmentajasi
    .student_link = teki sinulle kutsulinkin
    .student_access_refused = yritti avata tietosi, mutta ei saanut
    .cases_list = näki tapauksesi avoimien tapausten listalla
    .case_card = avasi tapauksesi tiedot
    .case_history = katsoi tapaushistoriaasi
    .contact_log_opened = aloitti sinua koskevan yhteydenoton kirjaamisen
    .study_status_set = merkitsi opintojesi tilan
    .contact_pick_list = näki nimesi listalla, kun oli kirjaamassa yhteydenottoa
    .history_pick_list = näki nimesi listalla, kun oli katsomassa tapaushistoriaa
    .cases_export = vei tapaustiedot tiedostoon
    .contact_logged = kirjasi sinua koskevan yhteydenoton
    .concern_closed = sulki tapauksesi
    .concern_alert = hänelle lähetettiin ilmoitus, jotta hän ottaisi sinuun yhteyttä
    .concern_acknowledged = kuittasi ilmoituksen ja lupasi ottaa sinuun yhteyttä
    .digest = hänelle lähetettiin viikkoyhteenveto, jossa mainittiin sinut
    .handover_request = häntä pyydettiin ottamaan tapauksesi hoitaakseen
    .handover_accepted = otti tapauksesi hoitaakseen
mydata-footer = Haluatko tiedostona? /vie. Tauko kyselyistä: /tauko. Kaiken poisto: /poista. Jos jokin on väärin, kerro omavalmentajallesi.

## /vie
export-about = Kaikki Kohtaamossa sinusta tallennettu, taulu kerrallaan. Tunnisteet (id) yhdistävät rivit toisiinsa.
export-caption = Tässä kaikki tietosi tiedostona (JSON). Tiedosto on vain sinulle – säilytä se huolella.

## /poista
erase-ask =
    <b>Poistetaanko kaikki tietosi Kohtaamosta?</b>

    Vastauksesi, viestisi ja kaikki muu sinusta tallennettu poistetaan Kohtaamosta heti, eikä niitä saa takaisin. Omavalmentajasi saa tiedon, että lähdit – ei mitään muuta.

    Kaksi asiaa jää: Henkilökunta on voinut saada sinusta viestejä Telegramiin. Poistan ne, jos ne on lähetetty kahden viime vuorokauden aikana – vanhempia Telegram ei anna poistaa. Ja koulun varmuuskopioista tietosi häviävät vasta, kun vanhat varmuuskopiot poistuvat (tavallisesti kahdessa viikossa).

    Jos haluat vain hengähtää, /tauko riittää. Jos haluat ensin talteen omat tietosi: /vie.
erase-yes = 🗑️ Kyllä, poista kaikki
erase-no = Ei sittenkään
erase-cancelled = Hyvä, mitään ei poistettu. 🙂
erase-confirmed = 🗑️ <i>Poistettu.</i>
erase-done = Tietosi on nyt poistettu Kohtaamosta. Kiitos, että olit mukana. 💙 Jos haluat joskus takaisin, pyydä koululta uusi kutsulinkki. Apua saat aina: 112 tai /apua.
erase-staff = Sinulla on myös henkilökunnan rooli, joten en voi poistaa tietojasi täältä. Pyydä koulun koordinaattoria hoitamaan asia.
erase-coach-note = { $name } ({ $group }) lähti Kohtaamosta ja poisti tietonsa. Hänestä ei ole enää tietoja Kohtaamossa. Jos olitte sopineet jotain, pidä yhteyttä tavallista reittiä.

## /tauko
pause-ask = <b>Tauko kuulumiskyselyistä?</b> Kyselyt eivät tule tauon aikana. Omavalmentajasi näkee, että pidät taukoa – syytä ei kysytä. Kuinka pitkä tauko?
pause-week = 1 viikko
pause-two-weeks = 2 viikkoa
pause-pick-date = 📅 Valitsen päivän
pause-cancel = Ei taukoa
pause-cancelled = Selvä, ei taukoa. 🙂
pause-type-date = Mihin päivään asti pidät taukoa? Kirjoita päivä, esimerkiksi { $example }
pause-date-hint = En tunnistanut päivää. Kirjoita se näin: { $example }
pause-date-range = Valitse päivä tästä päivästä { $last } asti.
pause-set = ⏸️ Tauko on päällä { $date } asti. Kyselyt jatkuvat { $resume }. Voit palata aiemmin komennolla /tauko – ja /apua toimii aina.
pause-on = ⏸️ Pidät taukoa kyselyistä { $date } asti.
pause-resume = ▶️ Jatka kyselyjä nyt
pause-change = Muuta päivää
pause-change-ask = ⏸️ Taukosi on nyt päällä { $date } asti. Kuinka pitkä tauko tästä päivästä alkaen?
pause-keep = Pidä päivä ennallaan
pause-kept = Selvä, päivä pysyy samana: tauko on päällä { $date } asti.
pause-moved = ⏸️ Päivä vaihdettu: tauko on nyt päällä { $date } asti, ja kyselyt jatkuvat { $resume }. Voit palata aiemmin komennolla /tauko – ja /apua toimii aina.
pause-resumed = ▶️ Tervetuloa takaisin, { $name }! Kyselyt jatkuvat taas normaalisti.
pause-none = Sinulla ei ole taukoa päällä, { $name }.
pause-ended = Hei { $name }! Taukosi päättyi, ja kuulumiskyselyt jatkuvat taas. Kiva kuulla sinusta. 🙂
pause-coach-note = ⏸️ { $name } ({ $group }) pitää tauon kuulumiskyselyistä { $date } asti.
student-coach-changed = Hei { $name }! Omavalmentajasi on nyt <b>{ $coach }</b>. Hän näkee jatkossa vastauksesi ja saa tiedon, jos tarvitset tukea.
student-study-interrupted = Hei { $name }! Koulu on merkinnyt, että opintosi ovat keskeytyneet, joten kuulumiskyselyt loppuvat nyt. Jos tämä on virhe, kerro koulun koordinaattorille. Omat tietosi näet komennolla /omat_tiedot, ja voit poistaa ne komennolla /poista. Apua saat aina: 112 tai /apua.
student-study-transferred = Hei { $name }! Koulu on merkinnyt, että siirryit toiseen koulutukseen, joten kuulumiskyselyt loppuvat nyt. Onnea uuteen paikkaan! Omat tietosi näet komennolla /omat_tiedot, ja voit poistaa ne komennolla /poista. Apua saat aina: 112 tai /apua.
student-study-graduated = Hei { $name }! Onnea valmistumisesta! 🎓 Kuulumiskyselyt loppuvat nyt. Omat tietosi näet komennolla /omat_tiedot, ja voit poistaa ne komennolla /poista. Apua saat aina: 112 tai /apua.
student-study-studying = Hei { $name }! Olet taas mukana Kohtaamossa, ja kuulumiskyselyt jatkuvat. Omavalmentajasi näkee vastauksesi niin kuin ennenkin.
