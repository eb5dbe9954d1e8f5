### Ryhmän viestit selkosuomeksi: vain se, minkä opiskelija näkee. Ryhmävalmentajan omat
### viestit ja vinkit (vp-…-vinkki) ovat tavallisella suomella (bot/i18n.py, STAFF_ONLY).
### Kyselyjen tekstit ovat pelkkää tekstiä: ei HTML-merkintöjä.

## Ryhmän chat

peer-linked-chat =
    Hei kaikki! 👋 Tämä keskustelu on nyt ryhmän { $group } yhteinen paikka Kohtaamossa.
    Ryhmävalmentaja on aikuinen, joka ohjaa ryhmää. Hän voi lähettää tänne aiheita, joista voi jutella, ja kyselyjä. En näytä täällä koskaan kenenkään vastauksia kuulumiskyselyihin.
peer-hello-chat =
    Hei! 👋 Olen Kohtaamo. Ryhmävalmentaja voi liittää tämän keskustelun omaan ryhmäänsä. Silloin hän kirjoittaa tänne /liita.
    En kerro täällä koskaan kenenkään vastauksia kuulumiskyselyihin.

## Napit

peer-button-mute = 🔕 Ryhmän viestit pois
peer-button-unmute = 🔔 Ryhmän viestit takaisin

## Ryhmän viestit opiskelijalle

peer-mute-no-group = Et ole vielä ryhmässä. Siksi et saa ryhmän viestejä.
peer-mute-state =
    { $muted ->
        [yes] 🔕 Ryhmän viestit ovat nyt pois.
       *[no] 🔔 Ryhmän viestit ovat nyt päällä.
    }
    Ryhmän viestit ovat aiheita ja kyselyjä ryhmälle { $group }. Ryhmävalmentaja lähettää ne. Ne tulevat sinulle tähän keskusteluun.

    Kuulumiskyselyt tulevat silti. Ryhmän chat toimii kuten ennen.
peer-muted-toast = Ryhmän viestit pois 🔕
peer-unmuted-toast = Ryhmän viestit päällä 🔔

## Mitä opiskelija ja ryhmä näkevät

peer-chat-prompt-header = 💬 <b>{ $theme }</b>
peer-chat-custom-header = 📣 <b>{ $name }</b>, ryhmävalmentaja:
peer-private-prompt-header = 💬 <b>{ $theme }</b> · ryhmä { $group }
peer-private-prompt-footer = <i>Sinun ei tarvitse vastata minulle. Mieti rauhassa. Voit kertoa ajatuksesi ryhmän tapaamisessa. Haluatko ryhmän viestit pois? Kirjoita /ryhmaviestit.</i>
peer-private-custom-header = 📣 <b>{ $name }</b> (ryhmävalmentaja, { $group }):
peer-private-custom-footer = <i>Tämä viesti on koko ryhmälle. Haluatko vastata? Vastaa suoraan ryhmävalmentajalle tai ryhmän chatissa. Minä en lähetä vastauksia ryhmävalmentajalle. Mutta jos kerrot, että olet vaarassa, kerron sen koulun aikuiselle. Haluatko ryhmän viestit pois? Kirjoita /ryhmaviestit.</i>
peer-private-poll-intro =
    { $kind ->
        [quiz] 🧠 <b>Pieni visa ryhmälle { $group }</b>
       *[poll] 📊 <b>Kysely ryhmälle { $group }</b>
    }
    Vastaa kyselyyn alla. Ryhmävalmentaja näkee vain, mitä kaikki vastasivat yhteensä. Kukaan ei näe, mitä sinä vastasit. Et voi muuttaa vastaustasi.
    <i>Haluatko ryhmän viestit pois? Kirjoita /ryhmaviestit.</i>
peer-plan-poll-intro =
    📊 <b>Kysely ryhmälle { $group }</b>
    Koulun aikuiset haluavat tietää, mitä teidän ryhmänne ajattelee. Vastaa kyselyyn alla, jos haluat. Sinun ei ole pakko vastata.
    Kukaan ei näe, mitä sinä vastasit. Tallennan vain, mitä kaikki vastasivat yhteensä. Sen näkevät ryhmävalmentajasi ja ne koulun aikuiset, jotka auttavat opiskelijoita voimaan hyvin. He näkevät sen vasta, kun vähintään { $least } opiskelijaa on vastannut. Et voi muuttaa vastaustasi.
    <i>Haluatko ryhmän viestit pois? Kirjoita /ryhmaviestit.</i>

## Aiheet ja kyselyt (flows/vertaistuki). Kyselyt ovat pelkkää tekstiä.

vp-theme-ryhmaytyminen = Ryhmään tutustuminen
vp-theme-jaksaminen = Jaksaminen ja stressi
vp-theme-tyossaoppiminen = Työpaikalla oppiminen
vp-theme-raha = Raha
vp-theme-tulevaisuus = Tulevaisuus
vp-theme-yhteinen = Yhdessä tekeminen

# Ryhmään tutustuminen
vp-ryhma-viikon-paras = Mikä oli tämän viikon paras hetki? Se voi olla pieni asia, esimerkiksi hyvä ruoka, hyvin tehty työ tai kiva hetki kaverin kanssa. 🌟
vp-ryhma-kaksi-totta = 🕵️ 2 totta ja 1 valhe! Kerro 3 asiaa itsestäsi. Yksi niistä ei ole totta. Muut arvaavat, mikä se on.
vp-ryhma-aamu-ilta = Oletko aamuihminen vai iltaihminen?
    .aamu = 🌅 Aamulla virkeä
    .ilta = 🌙 Illalla virkeä
    .riippuu = 🤷 Riippuu päivästä
vp-ryhma-taito = Mitä osaat, mitä muut eivät ehkä tiedä? Se voi olla mitä vain, esimerkiksi ruoan laittaminen, pelit, kielet tai mopon korjaaminen. 💪
vp-ryhma-pelisaannot = 🤝 Millainen on hyvä ryhmä? Kirjoittakaa tänne asioita. Mitä tarvitaan, jotta kaikilla on hyvä olla yhdessä?
vp-ryhma-fiilis = Millainen olo sinulla on tänään?
    .loistava = 😄 Tosi hyvä
    .hyva = 🙂 Hyvä
    .ok = 😐 Ihan ok
    .vasynyt = 😴 Väsynyt
    .huono = 😕 Vähän huono
vp-ryhma-tapaaminen = Mitä haluat tehdä, kun ryhmä tapaa?
    .ulkona = 🌳 Jotain ulkona
    .pelit = 🎲 Pelejä
    .ruoka = 🍕 Syödään yhdessä
    .jutustelu = ☕ Jutellaan rauhassa
    .vierailu = 🏭 Käydään työpaikalla

# Jaksaminen ja stressi
vp-jaksaminen-viikko = Millainen tämä viikko on ollut?
    .kevyt = 🪶 Kevyt
    .sopiva = 👍 Sopiva
    .raskas = 🏋️ Raskas
    .liian = 🥵 Liian raskas
vp-jaksaminen-palautuminen = 🔋 Mikä auttaa sinua lepäämään raskaan päivän jälkeen? Kerro oma keinosi. Ehkä joku muu saa siitä hyvän idean.
vp-jaksaminen-keinot = Mikä auttaa sinua, kun sinulla on stressiä?
    .liikunta = 🏃 Liikunta
    .kaverit = 👯 Kaverit
    .musiikki = 🎧 Musiikki
    .pelit = 🎮 Pelit
    .uni = 😴 Nukkuminen
    .ulkoilu = 🌲 Ulkona oleminen
    .puhuminen = 💬 Puhun jonkun kanssa
vp-jaksaminen-kuorma = Mikä on sinulle nyt raskainta?
    .opinnot = 📚 Opiskelu
    .raha = 💶 Raha
    .uni = 😴 Uni tai väsymys
    .ihmissuhteet = 👥 Kaverit tai perhe
    .tulevaisuus = 🔮 Tulevaisuus
    .ei-mikaan = ✨ Ei mikään
vp-jaksaminen-uni = Kuinka paljon unta nuori aikuinen yleensä tarvitsee yössä?
    .viisi = 4–5 tuntia
    .kahdeksan = Noin 8–9 tuntia
    .kaksitoista = 12 tuntia tai enemmän
vp-jaksaminen-uni-selitys = Useimmat 16–20-vuotiaat tarvitsevat noin 8–9 tuntia unta. Kun menet nukkumaan joka päivä samaan aikaan, jaksat paremmin koulussa.
vp-jaksaminen-pieni-teko = 🌱 Mitä pientä ja hyvää voisit tehdä itsellesi tällä viikolla? Pieni asia riittää, esimerkiksi kävely, aikaisin nukkumaan meneminen tai viesti kaverille.
vp-jaksaminen-apu = Keneltä kysyisit apua, jos koulu tuntuu liian raskaalta? Koulussa on aikuisia, joille voit puhua: omavalmentaja, opettaja, kuraattori tai terveydenhoitaja. 💙

# Työpaikalla oppiminen
vp-tyo-odotukset = 🧰 Mitä odotat eniten, kun opit työpaikalla? Mikä jännittää?
vp-tyo-opin-viikolla = ✨ Kerro yksi asia, jonka opit työpaikalla tällä viikolla. Miten se meni?
vp-tyo-ohjaus = Saatko työpaikalla tarpeeksi neuvoja?
    .kylla = 👍 Kyllä
    .valilla = 🤏 Joskus
    .ei = 👎 En
    .en-viela = 🕐 En ole vielä työpaikalla
vp-tyo-ohjaaja = Kuka neuvoo sinua, kun opit työpaikalla?
    .ohjaaja = Työpaikan ohjaaja ja opettaja
    .yksin = Ei kukaan, pärjään yksin
    .kaveri = Vain toinen opiskelija
vp-tyo-ohjaaja-selitys = Työpaikalla sinulla on ohjaaja. Opettaja pitää yhteyttä koulusta. Kysyminen on osa hyvää työtä!
vp-tyo-kysyminen = 🙋 Miten uskallat kysyä työpaikalla, kun et tiedä tai et ymmärrä jotain? Kertokaa vinkkejä toisillenne.
vp-tyo-fiilis = Millaista työpaikalla on ollut?
    .mahtavaa = 🤩 Tosi hyvää
    .hyvaa = 🙂 Hyvää
    .ok = 😐 Ihan ok
    .hankalaa = 😕 Vaikeaa

# Raha
vp-raha-saastovinkki = 💶 Miten säästät rahaa? Esimerkiksi ruoassa, matkoissa, vaatteissa tai puhelimessa. Kaikki vinkit ovat hyviä!
vp-raha-opintotuki = Opintotuki on rahaa, jota opiskelija voi saada. Mistä haet opintotukea?
    .kela = Kelasta
    .vero = Verottajalta
    .koulu = Koulusta
    .pankki = Pankista
vp-raha-opintotuki-selitys = Haet opintotukea Kelasta, esimerkiksi OmaKelassa. Koulun opinto-ohjaaja tai kuraattori auttaa sinua hakemaan sitä.
vp-raha-huoli = Kuinka usein olet huolissasi rahasta?
    .harvoin = 😌 Harvoin
    .joskus = 🤔 Joskus
    .usein = 😟 Usein
vp-raha-mihin-menee = Mihin käytät yleensä rahaa? Onko jokin pieni asia, joka maksaa kuukaudessa paljon? ☕📱
vp-raha-aiheet = Mistä raha-asiasta haluat tietää lisää?
    .opintotuki = 🎓 Opintotuki ja muu tuki
    .budjetti = 📊 Oma budjetti
    .asunto = 🏠 Ensimmäinen oma asunto
    .palkka = 💼 Palkka ja verokortti
    .velat = ⚠️ Velka ja pikalainat
vp-raha-apu = Jos raha ei riitä, siitä saa puhua. Kuraattori ja opinto-ohjaaja auttavat. He kertovat, mitä tukea voit saada. Kelasta voit kysyä opintotuesta ja tuesta koulumatkoihin. Mitä muuta haluat tietää rahasta?

# Tulevaisuus
vp-tulevaisuus-viisi-vuotta = 🚀 Mitä haluat tehdä 5 vuoden päästä? Isot ja pienet unelmat ovat hyviä.
vp-tulevaisuus-jatko-opinnot = Kun olet valmis ammattikoulusta, voitko hakea ammattikorkeakouluun tai yliopistoon?
    .kylla = Kyllä voin
    .ei = En voi
    .yo = Vain, jos minulla on ylioppilastutkinto
vp-tulevaisuus-jatko-opinnot-selitys = Kyllä! Kun olet valmis ammattikoulusta, voit hakea ammattikorkeakouluun ja yliopistoon.
vp-tulevaisuus-suunnitelma = Mitä aiot tehdä, kun olet valmis koulusta?
    .toihin = 💼 Töihin
    .opiskelemaan = 🎓 Opiskelemaan lisää
    .palvelus = 🪖 Armeijaan tai siviilipalvelukseen
    .en-tieda = 🤷 En tiedä vielä
    .muuta = ✨ Jotain muuta
vp-tulevaisuus-vahvuus = 💎 Missä olet hyvä? Mikä auttaa sinua tulevassa työssä? Voit myös kertoa, missä joku ryhmästä on hyvä.
vp-tulevaisuus-esikuva = Kenen ihmisen työ tai elämä on sinusta hienoa? Miksi?
vp-tulevaisuus-tieto = Mistä haluat tietää lisää?
    .tyonhaku = 🔎 Miten haen työtä
    .cv = 📄 Miten teen CV:n
    .jatko = 🎓 Opiskelu koulun jälkeen
    .yrittajyys = 🚀 Oma yritys
    .ulkomaat = 🌍 Työ tai opiskelu ulkomailla

# Yhdessä tekeminen
vp-yhteinen-idea = Mitä tehdään yhdessä?
    .keilaus = 🎳 Keilaus tai biljardi
    .leffa = 🎬 Elokuva
    .ruoka = 🍕 Syödään yhdessä
    .ulkoilu = 🌲 Ollaan ulkona
    .pelit = 🎲 Peli-ilta
    .muu = 💡 Jotain muuta, kerron chatissa
vp-yhteinen-mukaan = Kuka tulee mukaan, kun ryhmä tapaa seuraavan kerran?
    .tulen = 🙋 Tulen!
    .ehka = 🤔 Ehkä
    .en = 🙅 En pääse nyt
vp-yhteinen-kiitos = 🙏 Kiitos-kierros! Valitse yksi ryhmän jäsen, joka teki tällä viikolla jotain hyvää. Kiitä häntä. Pieni asia riittää.
vp-yhteinen-muisto = Mikä on paras hetki, jonka ryhmä on kokenut yhdessä tällä jaksolla? 📸
vp-yhteinen-aika = Milloin sinulle sopii parhaiten, että ryhmä tapaa?
    .koulupaivana = 🕐 Koulupäivän aikana
    .koulun-jalkeen = 🏫 Heti koulun jälkeen
    .ilta = 🌆 Arkena illalla
    .viikonloppu = 📅 Viikonloppuna
vp-yhteinen-haaste = 😊 Viikon haaste: tee jotain pientä ja kivaa toiselle ryhmän jäsenelle. Sano hei, auta tai kehu. Kertokaa viikon lopussa, miltä se tuntui!
