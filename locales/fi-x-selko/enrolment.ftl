# Liittyminen linkillä: kieli → lupa → mukaan tai ei. Selkosuomi. Telegramin HTML:ää.

## Linkin avaaminen
invite-hello = 👋 Hei! Valitse kieli.
invite-unknown = En tunne tätä linkkiä. 🤔 Avasitko koko linkin? Tai pyydä uusi linkki omavalmentajalta tai koulun koordinaattorilta.
invite-used = Joku on jo käyttänyt tämän linkin. Etkö käyttänyt sitä itse? Kerro siitä heti omavalmentajalle tai koulun koordinaattorille. He tekevät sinulle uuden linkin.
invite-expired = Tämä linkki toimi { $date } asti. Ei haittaa. Pyydä uusi linkki omavalmentajalta tai koulun koordinaattorilta.
invite-already-joined = Olet jo mukana, { $name } 👍 Kirjoita /apua. Silloin näet, mitä voit tehdä.
invite-already-student = Olet jo mukana Kohtaamossa. Sinun nimesi on { $name }. Onko tämä linkki sinulle uusi? Kerro siitä koulun koordinaattorille.
invite-staff-link-for-student = Tämä linkki on koulun henkilökunnalle. Siksi et voi käyttää sitä. Saitko linkin vahingossa? Kerro siitä omavalmentajalle.
invite-not-for-you = Tämä linkki on toiselle ihmiselle. Siksi et voi käyttää sitä. Pyydä oma linkki koulun koordinaattorilta.

## Lupa (opiskelija)
consent-title = <b>Hei { $name }! Luethan tämän ensin</b>
consent-intro = Kysyn sinulta välillä, mitä sinulle kuuluu. Omavalmentaja <b>{ $coach }</b> näkee sinun vastauksesi. Omavalmentaja on koulun aikuinen, joka tukee sinua. Hän voi auttaa sinua ajoissa.
consent-collected = 📝 <b>Mitä tallennan:</b> sinun nimen ja ryhmän ({ $group }). Sinun vastaukset kyselyihin. Viestit, jotka kirjoitat itse. Ajan, milloin vastasit. Myös sinun syntymäpäivän, jos koulu antoi sen.
consent-who = 👀 <b>Kuka näkee:</b> omavalmentaja { $coach } näkee sinun vastauksesi.
consent-backup = Joskus omavalmentaja ei ehdi ajoissa. Tai joskus on kriisi. Silloin tiedon saa myös varavalmentaja { $backup }.
consent-others = Koulun koordinaattori hoitaa Kohtaamoa koulussa. Hän näkee kaikki huolet, jotka ovat auki. Hän näkee myös nimet. Kerrotko kriisistä koulupäivän jälkeen? Silloin tiedon voi saada myös koulun päivystäjä. Kerrotko väkivallasta? Tai siitä, ettet ole turvassa? Silloin tiedon saa omavalmentajan lisäksi koulun kuraattori. Joskus toinen aikuinen hoitaa sinun asiaa, esimerkiksi varavalmentaja. Silloin hän näkee sinun tietosi, kunnes asia on hoidettu. Raporteissa on vain numeroita. Niissä ei ole nimiä. Jokainen numero kertoo vähintään { $k } opiskelijasta. Aina kun joku katsoo sinun tietoja, jää merkintä. Näet merkinnät itse.
consent-never = 🔒 <b>Mitä Kohtaamo ei tee:</b> En näytä sinun vastauksia ryhmän chatissa. En näytä niitä muille opiskelijoille. En lähetä niitä huoltajalle. Mutta jos olet vaarassa, koulun aikuisten täytyy auttaa. Joskus heidän täytyy kertoa asiasta muille, esimerkiksi huoltajalle tai lastensuojeluun. Yleensä he kertovat sinulle ensin, kenelle he kertovat ja miksi.
consent-retention = 🗓️ <b>Kuinka kauan:</b> Säilytän sinun vastauksia enintään { $period }. Sitten poistan ne.
consent-control = ✋ <b>Sinä päätät:</b> Kun kirjoitat /tauko, kyselyt ovat tauolla. Kun kirjoitat /omat_tiedot, näet kaikki sinun tiedot. Kun kirjoitat /poista, poistan kaikki sinun tiedot. Voit lopettaa milloin vain.
consent-under-18 = Oletko alle 18-vuotias? Saat silti päättää tästä itse. Voit myös jutella ensin huoltajan tai omavalmentajan kanssa.
consent-bot = Olen botti. En ole ihminen. Jos sinulla on hätä, soita 112 tai kirjoita /apua.
consent-coach-unknown = (kerron pian)
consent-accept = ✅ Hyväksyn ja tulen mukaan
consent-decline = En halua mukaan
consent-change-language = 🌐 Vaihda kieli
consent-accepted = ✅ <i>Hyväksyit tämän { $date }.</i>

## Mukana
welcome-student =
    Tervetuloa mukaan, { $name }! 🎉 Sinun omavalmentaja on <b>{ $coach }</b>. Hän saa tiedon, jos vastauksista näkyy, että tarvitset tukea. Hän saa tiedon myös, jos haluat jutella.

    Kyselyt tulevat ryhmän aikataulun mukaan. Voit kertoa kuulumiset myös heti: /kuulumiset. Kaikki komennot näet valikosta. Tai kirjoita /apua.
welcome-student-no-coach =
    Tervetuloa mukaan, { $name }! 🎉 Kerron sinulle pian, kuka on sinun omavalmentaja.

    Voit kertoa kuulumiset jo nyt: /kuulumiset. Kaikki komennot näet valikosta. Tai kirjoita /apua.

## Ei mukaan
decline-done = <i>Et tullut mukaan.</i>
decline-student =
    Selvä. Sinä päätät. 🙂 En tallentanut vastauksia. En tallentanut sinun Telegram-tunnusta. Koulun listalla on vain sinun nimi, ryhmä ja valmentaja. Siellä on myös syntymäpäivä, jos koulu antoi sen. Ja tieto, että et halunnut mukaan.

    Muutatko mielesi? Avaa sama linkki uudelleen. Linkki toimii { $date } asti.

## Yhteiset
callback-used = Painoit jo tätä nappia. En tehnyt mitään uudelleen.
when-at = { $date } kello { $time }
period-years = { $n ->
    [one] 1 vuoden
   *[other] { $n } vuotta
}
period-months = { $n ->
    [one] 1 kuukauden
   *[other] { $n } kuukautta
}
period-days = { $n ->
    [one] 1 päivän
   *[other] { $n } päivää
}
