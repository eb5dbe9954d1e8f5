# Liittyminen kutsulinkillä: kieli → suostumus → mukaan tai ei. Telegramin HTML:ää.

## Linkin avaaminen
invite-hello = 👋 Hei! Valitse kieli.
invite-unknown = En tunnista tätä linkkiä. 🤔 Tarkista, että avasit koko linkin, tai pyydä uusi omavalmentajaltasi tai koulun koordinaattorilta.
invite-used = Tämä kutsulinkki on jo käytetty. Jos et käyttänyt sitä itse, kerro siitä heti omavalmentajallesi tai koulun koordinaattorille – he tekevät sinulle uuden.
invite-expired = Tämä kutsulinkki vanheni { $date }. Ei haittaa – pyydä uusi omavalmentajaltasi tai koulun koordinaattorilta.
invite-already-joined = Olet jo mukana, { $name } 👍 Kirjoita /apua, niin näet, mitä voit tehdä.
invite-already-student = Olet jo mukana Kohtaamossa nimellä { $name }. Jos tämä linkki on sinulle uusi, kerro siitä koulun koordinaattorille.
invite-student-link-for-staff = Tämä on opiskelijan oma kutsulinkki, eikä sitä voi käyttää henkilökunnan tilillä. Anna linkki opiskelijalle – se toimii vielä.
invite-staff-link-for-student = Tämä kutsulinkki on koulun henkilökunnalle, joten en ota sitä käyttöön tililläsi. Jos sait sen vahingossa, kerro siitä omavalmentajallesi.
invite-not-for-you = Tämä kutsulinkki on tehty toiselle henkilölle, joten en voi ottaa sitä käyttöön tililläsi. Pyydä omaa linkkiä koulun koordinaattorilta.

## Suostumus (opiskelija)
consent-title = <b>Hei { $name }! Ennen kuin aloitetaan</b>
consent-intro = Kysyn sinulta välillä lyhyesti, mitä kuuluu. Vastauksesi näkee omavalmentajasi <b>{ $coach }</b>, jotta hän voi tukea sinua ajoissa.
consent-collected = 📝 <b>Mitä tallennetaan:</b> nimesi, ryhmäsi ({ $group }), vastauksesi kyselyihin, itse kirjoittamasi viestit ja milloin vastasit – ja syntymäaikasi, jos koulu on antanut sen.
consent-who = 👀 <b>Kuka näkee:</b> omavalmentajasi { $coach } näkee vastauksesi.
consent-backup = Jos hän ei ehdi ajoissa tai jos kyse on kriisistä, tiedon saa myös varavalmentajasi { $backup }.
consent-others = Koulun koordinaattori näkee kaikki avoimet huolet nimen kanssa. Jos kerrot kriisistä koulupäivän jälkeen, tiedon voi saada myös koulun päivystäjä. Jos kerrot väkivallasta tai siitä, ettet ole turvassa, tiedon saa omavalmentajasi lisäksi koulun kuraattori. Jos joku muu hoitaa asiaasi (esimerkiksi varavalmentaja), hän näkee tietosi niin kauan kuin asia on kesken. Raporteissa on vain lukuja ilman nimiä, ja jokainen luku kertoo vähintään { $k } opiskelijasta. Aina kun joku katsoo tietojasi, siitä jää merkintä, jonka näet itse.
consent-never = 🔒 <b>Mitä Kohtaamo ei tee:</b> se ei näytä vastauksiasi ryhmächatissa eikä muille opiskelijoille, eikä se lähetä niitä huoltajallesi. Jos olet vaarassa, koulun aikuisten on pakko toimia, ja joskus heidän pitää kertoa asiasta muille, esimerkiksi huoltajalle tai lastensuojeluun. Silloin sinulle kerrotaan yleensä etukäteen, kenelle asiasta kerrotaan ja miksi.
consent-retention = 🗓️ <b>Kuinka kauan:</b> vastauksesi säilyvät enintään { $period }, sitten ne poistetaan.
consent-control = ✋ <b>Sinä päätät:</b> /tauko pitää tauon kyselyistä, /omat_tiedot näyttää kaiken tallennetun ja /poista poistaa kaiken. Voit lopettaa milloin vain.
consent-under-18 = Jos olet alle 18-vuotias, saat silti päättää tästä itse. Jos haluat, juttele asiasta ensin huoltajasi tai omavalmentajasi kanssa.
consent-bot = Olen botti, en ihminen. Jos on hätä, soita 112 tai katso /apua.
consent-coach-unknown = (kerrotaan pian)
consent-accept = ✅ Hyväksyn ja liityn
consent-decline = En halua mukaan
consent-change-language = 🌐 Vaihda kieli
consent-accepted = ✅ <i>Hyväksyit tämän { $date }.</i>

## Kutsu henkilökunnalle
invite-staff-coach = Sinut on kutsuttu Kohtaamoon <b>omavalmentajaksi</b> nimellä <b>{ $name }</b>.
invite-staff-coach-noname = Sinut on kutsuttu Kohtaamoon <b>omavalmentajaksi</b>.
invite-staff-group-coach = Sinut on kutsuttu Kohtaamoon ryhmän <b>{ $group }</b> <b>ryhmävalmentajaksi</b> nimellä <b>{ $name }</b>.
invite-staff-group-coach-noname = Sinut on kutsuttu Kohtaamoon ryhmän <b>{ $group }</b> <b>ryhmävalmentajaksi</b>.
invite-staff-coordinator = Sinut on kutsuttu Kohtaamoon <b>koordinaattoriksi</b> nimellä <b>{ $name }</b>.
invite-staff-coordinator-noname = Sinut on kutsuttu Kohtaamoon <b>koordinaattoriksi</b>.
invite-staff-welfare = Sinut on kutsuttu Kohtaamoon <b>koulun kuraattoriksi</b> nimellä <b>{ $name }</b>. Saat hälytyksen omavalmentajan kanssa, kun opiskelija kertoo väkivallasta tai siitä, ettei ole turvassa.
invite-staff-welfare-noname = Sinut on kutsuttu Kohtaamoon <b>koulun kuraattoriksi</b>. Saat hälytyksen omavalmentajan kanssa, kun opiskelija kertoo väkivallasta tai siitä, ettei ole turvassa.
invite-staff-terms = Näet vain sen, mitä tehtäväsi vaatii. Aina kun katsot opiskelijan tietoja, siitä jää merkintä, jonka opiskelija itse näkee. Älä jaa opiskelijoiden tietoja ryhmächatissa.
invite-staff-accept = ✅ Liity
invite-staff-decline = Ei nyt

## Mukana
welcome-student =
    Tervetuloa mukaan, { $name }! 🎉 Omavalmentajasi on <b>{ $coach }</b>. Hän saa tiedon, jos vastauksistasi näkyy, että kaipaat tukea – tai jos itse haluat jutella.

    Kuulumiskyselyt tulevat ryhmäsi aikataulun mukaan. Voit kertoa kuulumisesi myös heti: /kuulumiset. Kaikki komennot näet valikosta tai kirjoittamalla /apua.
welcome-student-no-coach =
    Tervetuloa mukaan, { $name }! 🎉 Kerron sinulle pian, kuka on omavalmentajasi.

    Voit kertoa kuulumisesi jo nyt: /kuulumiset. Kaikki komennot näet valikosta tai kirjoittamalla /apua.
welcome-coach = Tervetuloa, { $name }! Olet nyt omavalmentaja Kohtaamossa. /opiskelijat näyttää opiskelijasi ja heidän tilanteensa. Saat minulta viestin, kun joku heistä tarvitsee tukea.
welcome-group-coach = Tervetuloa, { $name }! Olet nyt ryhmän <b>{ $group }</b> ryhmävalmentaja. /ryhmat näyttää ryhmäsi.
welcome-coordinator = Tervetuloa, { $name }! Olet nyt Kohtaamon koordinaattori. /hallinta: ryhmät, kutsulinkit, valmentajat ja opiskelijalistat.
welcome-welfare = Tervetuloa, { $name }! Olet nyt koulun kuraattori Kohtaamossa. Saat minulta heti viestin, kun opiskelija kertoo väkivallasta, seksuaalisesta väkivallasta tai siitä, ettei hänellä ole turvallista paikkaa olla – samaan aikaan kuin hänen omavalmentajansa.
coach-student-joined = 👋 { $name } ({ $group }) liittyi Kohtaamoon. Näet hänet komennolla /opiskelijat.
admin-staff-joined = ✅ { $name } liittyi Kohtaamoon: { $role }.

## Ei mukaan
decline-done = <i>Et liittynyt.</i>
decline-student =
    Selvä, päätös on sinun. 🙂 Vastauksia tai Telegram-tunnustasi ei tallennettu. Koulun listalle jää vain nimesi, ryhmäsi, valmentajasi, syntymäaikasi (jos koulu on antanut sen) ja tieto siitä, että et halunnut mukaan.

    Jos muutat mielesi, avaa sama linkki uudelleen { $date } mennessä.
decline-staff = Selvä. Mitään ei tallennettu. Linkki toimii vielä { $date } asti, jos muutat mielesi.

## Yhteiset
callback-used = Tätä nappia on jo painettu – mitään ei tehty uudelleen.
when-at = { $date } klo { $time }
period-years = { $n ->
    [one] vuoden
   *[other] { $n } vuotta
}
period-months = { $n ->
    [one] kuukauden
   *[other] { $n } kuukautta
}
period-days = { $n ->
    [one] päivän
   *[other] { $n } päivää
}
role-name = Rooli
    .student = opiskelija
    .coach = omavalmentaja
    .group-coach = ryhmävalmentaja
    .coordinator = koordinaattori
    .welfare = kuraattori
