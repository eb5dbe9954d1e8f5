# Valmentajat (/opiskelijat, /ryhmat), koordinaattori (/hallinta) ja opiskelijalistan tuonti.

## /opiskelijat
coach-list-title = <b>Omat opiskelijasi ({ $count })</b>
coach-list-hint = Avaa opiskelijan tiedot napista tai kirjoita /opiskelijat ja nimi. Jokainen katselu kirjataan, ja opiskelija näkee sen.
coach-handed-title = <b>Sinulle siirretyt tapaukset</b>
coach-no-students = Sinulle ei ole vielä merkitty opiskelijoita. Koulun koordinaattori lisää ne.
coach-no-match = Omista opiskelijoistasi ei löytynyt nimeä ”{ $name }”.
coach-not-your-student = Tämä opiskelija ei ole sinun opiskelijasi.
coach-student-gone = Tätä opiskelijaa ei enää ole Kohtaamossa.
coach-st-invited = ✉️ ei vielä liittynyt
coach-st-declined = 🚫 ei halunnut mukaan
coach-st-left = lähti
coach-st-last = vastasi viimeksi { $date }
coach-st-never = ei vielä vastauksia
coach-st-paused = ⏸️ tauolla { $date } asti
coach-st-unreachable = 📵 ei tavoitettavissa Telegramissa
coach-st-concerns = ⚠️ avoimia huolia: { $count }
coach-card-group = Ryhmä: { $group }
coach-card-status = Tila: { $status }
coach-card-st = Tila
    .invited = kutsuttu, ei vielä liittynyt
    .active = mukana
    .declined = ei halunnut mukaan
    .left = lähti
coach-card-joined = Mukana alkaen: { $date }
coach-card-coaches = Omavalmentaja: { $coach } · varavalmentaja: { $backup }
coach-card-checkins = Viimeisin vastaus: { $last } · vastauksia 4 viikossa: { $recent }
coach-card-concerns = ⚠️ Avoimet huolet: { $levels }
coach-card-paused = ⏸️ Tauolla kyselyistä { $date } asti
coach-card-unreachable = 📵 Ei tavoitettavissa Telegramissa (esti botin tai poisti tilinsä)
coach-card-handed = Näet tämän opiskelijan, koska hänen tapauksensa on siirretty sinulle.

## /ryhmat
groups-all-title = <b>Kaikki ryhmät ({ $count })</b>
groups-coached-title = <b>Ryhmät, joita valmennat</b>
groups-mine-title = <b>Omien opiskelijoidesi ryhmät</b>
groups-none = Ei ryhmiä.
groups-counts = mukana { $active }, kutsuttu { $invited }, ei halunnut { $declined }
groups-group-coaches = ryhmävalmentaja: { $names }
groups-chat = Ryhmächat
    .yes = ryhmächat liitetty
    .no = ryhmächattia ei liitetty

## /hallinta
admin-overview =
    <b>Hallinta</b>
    Ryhmiä { $groups } · opiskelijoita mukana { $active }, kutsuttu { $invited }, ei halunnut { $declined }
    Henkilökuntaa { $staff }, joista { $waiting } ei ole vielä avannut kutsuaan.
admin-menu-groups = 👥 Ryhmät ja opiskelijat
admin-menu-new-group = ➕ Uusi ryhmä
admin-menu-invite-coach = 🧑‍🏫 Kutsu omavalmentaja
admin-menu-invite-group-coach = 👋 Kutsu ryhmävalmentaja
admin-menu-roster = 🗂️ Tuo opiskelijalista
admin-menu-invite-coordinator = 🔑 Kutsu koordinaattori
admin-menu-invite-welfare = 🤝 Kutsu kuraattori
admin-menu-staff = 📇 Henkilökunta
admin-menu-offboard = 🚪 Henkilökunnan jäsen lähtee
admin-offboard-pick = Kenen pääsy Kohtaamoon päättyy? Hänen roolinsa poistuvat heti, ja hänen opiskelijansa ja avoimet tapauksensa siirtyvät seuraajalle.
admin-offboard-successor = { $name } on { $students ->
    [one] yhden opiskelijan
   *[other] { $students } opiskelijan
} omavalmentaja, ja hänellä on { $cases ->
    [one] yksi avoin tapaus
   *[other] { $cases } avointa tapausta
}. Kuka ottaa ne?
admin-offboard-confirm = <b>Päätetäänkö henkilön { $name } pääsy Kohtaamoon nyt?</b> Kaikki hänen henkilökuntaroolinsa poistuvat, eikä hän näe enää mitään. Henkilölle { $successor } siirtyy { $students ->
    [one] yksi opiskelija
   *[other] { $students } opiskelijaa
} ja { $cases ->
    [one] yksi avoin tapaus
   *[other] { $cases } avointa tapausta
}; opiskelijat saavat tietää uuden omavalmentajansa. Hänen aiemmat kirjauksensa jäävät koulun tietoihin hänen nimellään.
admin-offboard-yes = 🚪 Kyllä, päätä pääsy
admin-student-study = 🎓 Opintojen tila
admin-study-pick = Miten opiskelijan opinnot ovat nyt? Jos ne ovat päättyneet, kuulumiskyselyt loppuvat, ja opiskelija saa siitä viestin.
admin-study = Tila
    .studying = Opiskelee
    .interrupted = Keskeytti
    .transferred = Siirtyi toiseen koulutukseen
    .graduated = Valmistui
admin-study-set = { $name }: { $status }. Tieto on tallennettu, ja opiskelija sai siitä viestin, jos hän on mukana Kohtaamossa.
admin-study-status-unknown = Tuntematon opintojen tila.
admin-cancelled = Selvä, peruttu. /hallinta avaa valikon uudelleen.
admin-ask-group-name = Kirjoita uuden ryhmän nimi, esimerkiksi SÄH24B.
admin-confirm-group = Luodaanko ryhmä <b>{ $name }</b>?
admin-create-group = ✅ Luo ryhmä
admin-group-created = ✅ Ryhmä <b>{ $name }</b> on luotu. Lisää siihen opiskelijat tuomalla opiskelijalista (/hallinta).
admin-group-invalid = Ryhmän nimen pitää olla 1–{ $limit } merkkiä.
admin-group-exists = Ryhmä <b>{ $name }</b> on jo olemassa.
admin-group-required = Valitse ensin ryhmä.
admin-group-gone = Ryhmää ei enää löydy.
admin-ask-coach-name = Kirjoita omavalmentajan koko nimi niin kuin opiskelijat hänet tuntevat, esimerkiksi Matti Virtanen. Saat hänelle henkilökohtaisen kutsulinkin.
admin-ask-coordinator-name = Kirjoita uuden koordinaattorin koko nimi. Saat hänelle henkilökohtaisen kutsulinkin.
admin-ask-welfare-name = Kirjoita koulun kuraattorin (tai muun hyvinvointiyhteyshenkilön) koko nimi. Hän saa hälytyksen omavalmentajan kanssa, kun opiskelija kertoo väkivallasta tai siitä, ettei ole turvassa. Saat hänelle henkilökohtaisen kutsulinkin.
admin-ask-group-coach-name = Kirjoita ryhmän <b>{ $group }</b> ryhmävalmentajan koko nimi.
admin-name-invalid = Nimi puuttuu. Kirjoita koko nimi.
admin-name-ambiguous = Nimellä { $name } on useampi henkilö. Käytä nimeä, joka erottaa heidät.
admin-already-coordinator = { $name } on jo koordinaattori.
admin-staff-link =
    Kutsulinkki: <b>{ $name }</b> ({ $role }). Lähetä se hänelle itselleen – linkki on henkilökohtainen, toimii kerran ja on voimassa { $date } asti.

    { $link }
admin-staff-already = { $name } on jo mukana ({ $role }).
admin-staff-added = ✅ { $name } on nyt myös ryhmän { $group } ryhmävalmentaja. Kerroin sen hänelle.
admin-you-are-group-coach = 👋 Sinut on lisätty ryhmän <b>{ $group }</b> ryhmävalmentajaksi. /ryhmat näyttää ryhmäsi.
admin-staff-title = <b>Henkilökunta ({ $count })</b>
admin-staff-none = Henkilökuntaa ei ole vielä kutsuttu.
admin-staff-state = Tila
    .joined = mukana
    .waiting = ✉️ ei vielä avannut kutsua
admin-no-groups = Ryhmiä ei ole vielä. Luo ensin ryhmä tai tuo opiskelijalista.
admin-pick-group = Valitse ryhmä:
admin-pick-group-gc = Minkä ryhmän ryhmävalmentaja kutsutaan?
admin-group-title = <b>{ $name }</b> – mukana { $active }, kutsuttu { $invited }, ei halunnut { $declined }
admin-group-empty = Ryhmässä ei ole vielä opiskelijoita.
admin-group-pick-student = Valitse opiskelija
admin-group-assign-all = Vaihda valmentaja koko ryhmälle
admin-group-new-links = Uudet linkit kaikille, jotka eivät ole liittyneet
admin-pick-student = Valitse opiskelija:
admin-student-view =
    <b>{ $name }</b> ({ $group })
    Tila: { $status }
    Omavalmentaja: { $coach } · varavalmentaja: { $backup }
admin-student-new-link = 🔗 Uusi kutsulinkki
admin-student-change-coach = Vaihda valmentaja
admin-student-link =
    Uusi kutsulinkki: <b>{ $name }</b> ({ $group }). Vanha linkki ei enää toimi. Uusi on voimassa { $date } asti.

    { $link }
admin-qr-caption = QR-koodi: { $name }
admin-student-gone = Opiskelijaa ei enää löydy.
admin-student-joined = Opiskelija on jo liittynyt, joten uutta linkkiä ei tarvita.
admin-no-students = Valituista opiskelijoista ei löytynyt ketään.
admin-no-coaches = Omavalmentajia ei ole vielä. Kutsu ensin omavalmentaja.
admin-pick-coach = Kuka on { $count ->
    [one] opiskelijan
   *[other] { $count } opiskelijan
} omavalmentaja?
admin-pick-backup = Kuka on varavalmentaja? Hän saa hälytyksen, jos omavalmentaja ei ehdi ajoissa.
admin-no-backup = Ei varavalmentajaa
admin-backup-same = Varavalmentajan pitää olla eri henkilö kuin omavalmentaja.
admin-not-a-coach = Valittu henkilö ei ole valmentaja.
admin-assigned = ✅ Valmis: { $count ->
    [one] yksi opiskelija
   *[other] { $count } opiskelijaa
}, omavalmentaja { $coach }, varavalmentaja { $backup }. Mukana olevat opiskelijat saivat tiedon uudesta valmentajasta.
admin-coach-got-students = Sinulle on merkitty { $count ->
    [one] uusi opiskelija
   *[other] { $count } uutta opiskelijaa
}. Näet heidät komennolla /opiskelijat.

## Opiskelijalistan tuonti
admin-roster-howto =
    <b>Tuo opiskelijalista</b>
    Liitä lista viestinä tai lähetä se CSV-tiedostona (Excelissä: Tallenna nimellä → CSV, puolipisteellä eroteltu), yksi opiskelija riville:
    <code>nimi;ryhmä;omavalmentaja</code>
    Neljänneksi voit lisätä varavalmentajan, viidenneksi opintojen alkupäivän ja kuudenneksi syntymäajan (sen perusteella henkilökunta näkee, koskeeko ilmoitusvelvollisuus alle 18-vuotiasta). Ryhmät luodaan tarvittaessa; omavalmentajien pitää olla jo kutsuttuja. Pitkän listan voit lähettää useassa viestissä.
    Tarkistan koko listan ennen kuin mitään tallennetaan.
admin-roster-received = Sain yhteensä { $lines ->
        [one] 1 rivin
       *[other] { $lines } riviä
    }. Liitä lisää tai paina Tarkista.
admin-roster-check = 🔎 Tarkista
admin-roster-import = ✅ Tuo
admin-roster-import-relink = Tuo ja tee kaikille uudet linkit
admin-roster-fix = Mitään ei tallennettu. Korjaa rivit ja liitä koko lista uudelleen.
admin-roster-expired = Liitetty lista ehti vanhentua. Aloita uudelleen: /hallinta.
admin-roster-too-long = Lista on liian pitkä yhdellä kertaa. Jaa se osiin, esimerkiksi ryhmittäin.
admin-roster-file-unreadable = En saanut tiedostoa luettua. Tallenna lista CSV-tiedostona (puolipisteellä eroteltu) tai liitä rivit viestinä.
admin-roster-csv-caption = Kutsulinkit ({ $links }) – jaa jokaiselle oma linkkinsä, esimerkiksi Wilmassa. Linkki toimii kerran.
admin-roster-qr-caption = QR-koodit, yksi kuva opiskelijaa kohden.
roster-line = Rivi { $line }:
roster-problems = <b>Listassa on { $count ->
        [one] 1 korjattava asia
       *[other] { $count } korjattavaa asiaa
    }</b> – mitään ei tuotu:
roster-more-problems = …ja { $count ->
        [one] 1 muu
       *[other] { $count } muuta
    }.
roster-error-columns = odotin 3–6 saraketta puolipisteillä erotettuna (nimi;ryhmä;omavalmentaja), löytyi { $found }.
roster-error-start-date = opintojen alkupäivää (5. sarake) en tunnistanut. Kirjoita muodossa pp.kk.vvvv, esim. 1.8.2026.
roster-error-birth-date = syntymäaikaa (6. sarake) en tunnistanut. Kirjoita muodossa pp.kk.vvvv, esim. 14.3.2009.
roster-error-empty-name = nimi puuttuu.
roster-error-empty-group = ryhmä puuttuu.
roster-error-group-long = ryhmän nimi on liian pitkä (enintään { $limit ->
        [one] 1 merkki
       *[other] { $limit } merkkiä
    }).
roster-error-empty-coach = omavalmentaja puuttuu.
roster-error-duplicate = sama opiskelija samassa ryhmässä kuin rivillä { $first }.
roster-error-unknown-coach = { $kind ->
    [backup] varavalmentajaa
   *[other] omavalmentajaa
} ”{ $name }” ei löydy. Kutsu hänet ensin tai tarkista kirjoitusasu.
roster-error-ambiguous-coach = nimellä ”{ $name }” on useampi valmentaja.
roster-known-coaches = Tunnetut omavalmentajat: { $names }
roster-error-empty = Listassa ei ollut yhtään opiskelijaa.
roster-error-too-many = Listassa on yli { $limit ->
        [one] 1 rivin
       *[other] { $limit } riviä
    }. Jaa se osiin.
roster-preview =
    <b>Lista on kunnossa</b> – { $rows ->
        [one] yksi opiskelija
       *[other] { $rows } opiskelijaa
    }:
    uusia { $new }, uusi linkki { $relinked }, linkki vielä voimassa { $valid }, jo mukana { $joined }.
    Tuodaanko?
roster-done =
    <b>Tuotu</b> – { $rows ->
        [one] yksi opiskelija
       *[other] { $rows } opiskelijaa
    }: uusia { $new }, uusi linkki { $relinked }, linkki vielä voimassa { $valid }, jo mukana { $joined }.
    Uusia kutsulinkkejä: { $links }.
roster-new-groups = Uudet ryhmät: { $groups }
roster-coach-changes = Valmentaja vaihtui { $count } opiskelijalla.
roster-clipped = Liian pitkät nimet lyhennettiin riveillä: { $lines }
roster-csv = Sarake
    .name = nimi
    .group = ryhmä
    .link = linkki
    .expires = voimassa
    .coach = omavalmentaja
    .status = tila
roster-status = Tila
    .new = uusi
    .new-link = uusi linkki
    .link-valid = aiempi linkki voimassa
    .joined = mukana

## Henkilökunnan jäsen lähtee (kohtaamo admin offboard, /hallinta)
offboard-not-staff = Hänellä ei ole henkilökunnan roolia Kohtaamossa.
offboard-last-coordinator = { $name } on koulun ainoa koordinaattori. Kutsu ensin uusi koordinaattori, jotta joku voi jatkaa.
offboard-bad-successor = Seuraajan pitää olla toinen omavalmentaja tai koordinaattori kuin { $name }.
offboard-needs-successor = { $name } on { $students ->
    [one] yhden opiskelijan
   *[other] { $students } opiskelijan
} omavalmentaja, ja hänellä on { $cases ->
    [one] yksi avoin tapaus
   *[other] { $cases } avointa tapausta
}. Kerro, kuka ottaa heidät (seuraaja).
offboard-done = { $name } ei ole enää Kohtaamon henkilökuntaa, eikä hän näe enää mitään. Henkilölle { $successor } siirtyi { $students ->
    [one] yksi opiskelija
   *[other] { $students } opiskelijaa
} ja { $cases ->
    [one] yksi avoin tapaus
   *[other] { $cases } avointa tapausta
}.
offboard-you = Roolisi Kohtaamon henkilökunnassa on päättynyt, joten et enää näe opiskelijoiden tietoja etkä saa ilmoituksia. Kiitos työstäsi! Jos tämä on virhe, ota yhteyttä koulun koordinaattoriin.
offboard-successor = { $name } on lähtenyt Kohtaamosta. Sinulle siirtyi { $students ->
    [one] yksi opiskelija
   *[other] { $students } opiskelijaa
} ja { $cases ->
    [one] yksi avoin tapaus
   *[other] { $cases } avointa tapausta
}. Opiskelijat saivat tietää, että olet nyt heidän omavalmentajansa. Näet heidät komennolla /opiskelijat ja tapaukset komennolla /seuranta.
