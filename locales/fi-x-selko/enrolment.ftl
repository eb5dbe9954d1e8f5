# Liittyminen linkillä: kieli → lupa → mukaan tai ei. Selkosuomi. Telegramin HTML:ää.

## Linkin avaaminen
invite-hello = 👋 Hei! Valitse kieli.
invite-unknown = En tunne tätä linkkiä. 🤔 Avasitko koko linkin? Tai pyydä uusi linkki omavalmentajalta tai koulun koordinaattorilta.
invite-used = Joku on jo käyttänyt tämän linkin. Etkö käyttänyt sitä itse? Kerro siitä heti omavalmentajalle tai koulun koordinaattorille. He tekevät sinulle uuden linkin.
invite-expired = Tämä linkki toimi { $date } asti. Ei haittaa. Pyydä uusi linkki omavalmentajalta tai koulun koordinaattorilta.
invite-already-joined = Olet jo mukana, { $name } 👍 Kirjoita /apua. Silloin näet, mitä voit tehdä.
invite-already-student = Olet jo mukana Kohtaamossa. Nimesi Kohtaamossa on { $name }. Onko tämä linkki sinulle uusi? Kerro siitä koulun koordinaattorille.
invite-staff-link-for-student = Tämä linkki on koulun työntekijöille. Siksi et voi käyttää sitä. Saitko linkin vahingossa? Kerro siitä omavalmentajalle.
invite-not-for-you = Tämä linkki on toiselle ihmiselle. Siksi et voi käyttää sitä. Pyydä oma linkki koulun koordinaattorilta.

## Lupa (opiskelija)
consent-title = <b>Hei { $name }! Lue tämä ensin</b>
consent-intro = Kysyn sinulta välillä, mitä sinulle kuuluu. Omavalmentaja <b>{ $coach }</b> näkee sinun vastauksesi. Omavalmentaja on koulun aikuinen, joka tukee sinua. Näin hän voi auttaa sinua ajoissa.
consent-collected = 📝 <b>Mitä tallennan:</b> Nimesi ja ryhmäsi ({ $group }). Vastauksesi kyselyihin. Viestit, jotka kirjoitat itse. Päivän ja kellonajan, jolloin vastasit. Myös syntymäaikasi, jos koulu antoi sen.
consent-who = 👀 <b>Kuka näkee:</b> Omavalmentajasi { $coach } näkee sinun vastauksesi.
consent-backup = Joskus omavalmentaja ei ehdi ajoissa. Tai tilanne on kriisi. Kriisi on tosi vaikea tai vaarallinen tilanne. Silloin tiedon saa myös varavalmentajasi { $backup }. Varavalmentaja on toinen koulun aikuinen, joka auttaa, kun omavalmentaja ei ehdi.
consent-others = Koulun koordinaattori hoitaa Kohtaamoa koulussa. Hän näkee kaikki huolet, jotka ovat vielä kesken. Hän näkee myös nimet. Kerrotko kriisistä koulupäivän jälkeen? Silloin tiedon voi saada myös koulun päivystäjä. Päivystäjä hoitaa kiireisiä asioita, kun koulupäivä on ohi. Kerrotko väkivallasta? Tai siitä, ettet ole turvassa? Silloin tiedon saa omavalmentajasi lisäksi koulun kuraattori. Kuraattori auttaa opiskelijoita, kun elämässä on vaikeaa. Joskus toinen aikuinen hoitaa asiaasi, esimerkiksi varavalmentaja. Silloin hän näkee tietosi, kunnes asia on hoidettu. Raporteissa on vain numeroita. Niissä ei ole nimiä. Jokainen numero kertoo vähintään { $k } opiskelijasta. Aina kun joku katsoo tietojasi, Kohtaamo kirjoittaa sen muistiin. Näet itse, kuka katsoi ja milloin.
consent-never = 🔒 <b>Mitä en tee:</b> En näytä vastauksiasi ryhmän chatissa. En näytä niitä muille opiskelijoille. En lähetä niitä huoltajallesi. Huoltaja on esimerkiksi äiti tai isä. Mutta jos olet vaarassa, koulun aikuisten täytyy auttaa. Joskus heidän täytyy kertoa asiasta muille, esimerkiksi huoltajalle tai lastensuojeluun. Lastensuojelu auttaa lapsia ja nuoria, jotka eivät ole turvassa. Yleensä aikuiset kertovat sinulle ensin, kenelle he kertovat ja miksi.
consent-retention = 🗓️ <b>Kuinka kauan:</b> Säilytän vastauksiasi enintään { $period }. Sitten poistan ne.
consent-control = ✋ <b>Sinä päätät:</b> Kun kirjoitat /tauko, kyselyt ovat tauolla. Kun kirjoitat /omat_tiedot, näet kaiken, mitä olen tallentanut sinusta. Kun kirjoitat /poista, poistan kaikki tietosi. Voit lopettaa milloin vain.
consent-under-18 = Oletko alle 18-vuotias? Saat silti päättää tästä itse. Voit myös jutella ensin huoltajasi tai omavalmentajasi kanssa.
consent-bot = Olen botti. En ole ihminen. Jos sinulla on hätä, soita 112 tai kirjoita /apua.
consent-coach-unknown = (kerron pian)
consent-accept = ✅ Hyväksyn ja tulen mukaan
consent-decline = En halua mukaan
consent-change-language = 🌐 Vaihda kieli
consent-accepted = ✅ <i>Hyväksyit tämän { $date }.</i>

## Mukana
welcome-student =
    Tervetuloa mukaan, { $name }! 🎉 Omavalmentajasi on <b>{ $coach }</b>. Hän saa tiedon, jos vastauksistasi näkyy, että tarvitset tukea. Hän saa tiedon myös, jos haluat jutella.

    Kyselyt tulevat ryhmäsi aikataulun mukaan. Voit kertoa kuulumisesi myös heti: /kuulumiset. Kaikki komennot näet valikosta. Tai kirjoita /apua.
welcome-student-no-coach =
    Tervetuloa mukaan, { $name }! 🎉 Kerron sinulle pian, kuka on omavalmentajasi.

    Voit kertoa kuulumisesi jo nyt: /kuulumiset. Kaikki komennot näet valikosta. Tai kirjoita /apua.

## Ei mukaan
decline-done = <i>Et tullut mukaan.</i>
decline-student =
    Selvä. Sinä päätät. 🙂 En tallentanut vastauksia. En tallentanut Telegram-tunnustasi. Koulun listalla on vain nimesi, ryhmäsi ja valmentajasi. Siellä on myös syntymäaikasi, jos koulu antoi sen. Listalla on myös tieto, että et halunnut mukaan.

    Haluatko kuitenkin mukaan? Avaa sama linkki uudelleen. Linkki toimii { $date } asti.

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
