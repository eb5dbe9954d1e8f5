### Ryhmävalmennus ja vertaistuki: ryhmächatin liittäminen (/liita), lähettäminen (/laheta),
### toimitusraportit, kyselyjen tulokset (/kysely_tulokset) ja ryhmäviestien mykistys (/ryhmaviestit).
### Keskustelunaiheiden ja kyselyjen tekstit (vp-) ovat lopussa; niiden rakenne on
### flows/vertaistuki/*.yaml. Kyselyjen tekstit ovat pelkkää tekstiä: ei HTML-merkintöjä.
### Pidä sv- ja en-tiedostoissa täsmälleen samat tunnisteet ja attribuutit.

## Ryhmächatin liittäminen

peer-link-in-group = Ryhmän chatin liität näin: lisää minut ryhmän Telegram-keskusteluun ja kirjoita siellä /liita. Kysyn sitten sinulta täällä, mikä ryhmä on kyseessä.
peer-link-check-private = Kiitos! ✉️ Pyysin vahvistusta yksityisviestillä. Jos viestiä ei näy, avaa ensin keskustelu kanssani ja kirjoita tänne /liita uudelleen.
peer-link-no-groups = Sinulla ei ole vielä ryhmää, johon voisin liittää tämän chatin. Pyydä koordinaattoria lisäämään sinut ryhmän ryhmävalmentajaksi.
peer-link-choose =
    Liitetäänkö chat <b>{ $title }</b> Kohtaamon ryhmään? Valitse ryhmä.

    Chattiin lähetän vain keskustelunaiheita ja kyselyjä – en koskaan kenenkään omia vastauksia.
peer-link-group-button =
    { $name }{ $linked ->
        [yes] {" "}(vaihda chat)
       *[no] {""}
    }
peer-link-cancelled = Selvä, en liittänyt chattia mihinkään ryhmään.
peer-link-already = Chat <b>{ $title }</b> on jo ryhmän { $group } chat. 👍
peer-link-done =
    ✅ Valmista! <b>{ $title }</b> on nyt ryhmän { $group } chat.{ $replaced ->
        [yes] {" "}Aiempi chat ei ole enää liitettynä.
       *[no] {""}
    }
    Lähetä sinne keskustelunaihe tai kysely komennolla /laheta.
peer-linked-chat =
    Hei kaikki! 👋 Tämä keskustelu on nyt ryhmän { $group } yhteinen paikka Kohtaamossa.
    Ryhmävalmentaja voi lähettää tänne keskustelunaiheita ja kyselyjä. Kenenkään kuulumiskyselyn vastauksia en näytä täällä koskaan.
peer-hello-chat =
    Hei! 👋 Olen Kohtaamo. Ryhmävalmentaja voi liittää tämän keskustelun ryhmäänsä kirjoittamalla tänne /liita.
    Täällä en koskaan kerro kenenkään kuulumiskyselyn vastauksia.
peer-chat-removed =
    Minut poistettiin ryhmän { $group } chatista, joten en voi enää lähettää sinne mitään.
    Jos haluat jatkaa, lisää minut takaisin ja kirjoita chatissa /liita.
peer-chat-migrated = Ryhmän { $group } chat muuttui Telegramissa superryhmäksi. Päivitin yhteyden, joten viestit menevät perille kuten ennenkin. 👍
peer-not-your-group = Tämä ryhmä ei ole sinun ryhmäsi, joten en voi tehdä tätä. Kysy tarvittaessa koordinaattorilta.

## Lähettäminen (/laheta)

peer-no-groups = Sinulla ei ole vielä ryhmiä. Pyydä koordinaattoria lisäämään sinut ryhmän ryhmävalmentajaksi.
peer-send-choose-groups =
    📣 <b>Lähetä ryhmälle</b>
    Kenelle lähetetään? Valitse yksi tai useampi ryhmä ja paina Jatka.
peer-send-choose-audience =
    📣 <b>Lähetä ryhmälle { $groups }</b>
    Minne viesti menee?

    💬 <b>Ryhmän chattiin</b>: kaikki näkevät saman viestin ja voivat jutella siitä yhdessä.
    👤 <b>Jokaiselle yksityisesti</b>: jokainen saa viestin omaan keskusteluunsa. Kyselyn vastauksista näet vain yhteenvedon.
peer-send-no-chat = ⚠️ Ryhmällä { $groups } ei ole liitettyä chattia. Liitä se: lisää minut ryhmän chattiin ja kirjoita siellä /liita.
peer-send-choose-content =
    📣 <b>{ $groups }</b> · { $audience ->
        [chat] ryhmän chattiin
       *[private] jokaiselle yksityisesti
    }
    Mitä lähetetään?
peer-send-choose-theme =
    📚 <b>Keskustelunaiheet ja kyselyt</b>
    Valitse teema:
peer-send-choose-prompt =
    📚 <b>{ $theme }</b>
    Valitse aihe. 💬 = keskustelunaihe, 📊 = kysely, 🧠 = visa
peer-send-compose =
    ✏️ Kirjoita viestisi seuraavaksi tähän keskusteluun. Näytän sen sinulle ennen kuin mitään lähtee.

    Haluatko kyselyn? Kirjoita kysymys ensimmäiselle riville (kysymysmerkki loppuun) ja jokainen vaihtoehto omalle rivilleen viivalla alkaen, esimerkiksi:
    <code>Missä pidetään seuraava tapaaminen?
    - Koululla
    - Kahvilassa
    - Ulkona</code>
peer-send-picked = Valittu: { $prompt }
peer-send-cancelled = Selvä, lähetys peruttu. Mitään ei lähetetty.
peer-draft-gone = Tämä lähetys on jo päättynyt. Aloita uusi komennolla /laheta.
peer-already-sent = Tämä on jo lähetetty. 👍
peer-choose-a-group = Valitse ensin vähintään yksi ryhmä.
peer-chat-not-linked = Kaikilla valituilla ryhmillä ei ole liitettyä chattia.
peer-prompt-gone = Tätä aihetta ei enää löydy. Valitse toinen komennolla /laheta.
peer-compose-empty = Viestisi oli tyhjä. Kirjoita viesti, niin näytän esikatselun.
peer-compose-too-long = Viesti on vähän liian pitkä ({ $length ->
        [one] 1 merkki
       *[other] { $length } merkkiä
    }). Mahtuisiko se { $most } merkkiin?
peer-compose-poll-options = Kyselyyn tarvitaan 2–{ $most } vaihtoehtoa, jokainen omalle rivilleen viivalla alkaen.
peer-compose-poll-question = Kyselyn kysymys saa olla enintään { $most } merkkiä. Lyhennätkö sitä vähän?
peer-compose-poll-option-length = Jokaisen vaihtoehdon pitää olla 1–{ $most } merkkiä.
peer-compose-poll-twins = Kahdessa vaihtoehdossa on sama teksti. Muuta toista, niin kysely toimii.

## Esikatselu

peer-preview-title = 👀 <b>Esikatselu</b> – mitään ei ole vielä lähetetty.
peer-preview-to-chat = Minne: ryhmän { $groups } chattiin
peer-preview-to-private =
    Minne: jokaiselle yksityisesti ({ $groups }), { $count ->
        [one] 1 opiskelija
       *[other] { $count } opiskelijaa
    }{ $skipped ->
        [0] {""}
       *[other] {" "}– { $skipped } on ottanut ryhmäviestit pois tai pitää taukoa
    }
peer-preview-looks = Näin viesti näkyy:
peer-preview-poll-chat = Kysely näkyy yllä sellaisena kuin se tulee chattiin.
peer-preview-poll-private = Kysely näkyy yllä. Jokainen saa sen omaan keskusteluunsa tämän saatteen kanssa:
peer-preview-tip = 💡 <b>Vinkki ohjaajalle:</b> { $tip }
peer-sent =
    ✅ Lähetetty { $audience ->
        [chat] { $count ->
            [one] ryhmän chattiin.
           *[other] { $count } ryhmän chattiin.
        }
       *[private] { $count } opiskelijalle.
    } Kerron, kun viestit ovat perillä.

## Napit

peer-button-next = Jatka ➡️
peer-button-to-chat = 💬 Ryhmän chattiin
peer-button-to-private = 👤 Jokaiselle yksityisesti ({ $count })
peer-button-library = 📚 Valmis keskustelunaihe tai kysely
peer-button-compose = ✏️ Kirjoitan oman viestin
peer-button-send = ✅ Lähetä
peer-button-change = ✏️ Vaihda sisältö
peer-button-refresh = 🔄 Päivitä
peer-button-retry = 🔁 Yritä uudelleen ({ $count })
peer-button-results = 📊 Kyselyn tulokset
peer-button-all-polls = ⬅️ Kaikki kyselyt
peer-button-mute = 🔕 Ota ryhmäviestit pois
peer-button-unmute = 🔔 Ota ryhmäviestit takaisin

## Toimitusraportti

peer-report-own-message = oma viesti
peer-report-plan-poll = suunnitelman kysely ”{ $question }”
peer-report-title =
    📬 <b>Lähetysraportti</b>: { $what }
    { $groups } · { $audience ->
        [chat] ryhmän chattiin
       *[private] jokaiselle yksityisesti
    }
peer-report-delivered = ✅ Perillä: { $count }
peer-report-blocked = 🚫 Ei tavoitettu, koska Kohtaamo on estetty: { $count } ({ $names })
peer-report-failed = ⚠️ Lähetys epäonnistui: { $count } ({ $names })
peer-report-waiting = 🌙 Odottaa hiljaisten tuntien loppumista (klo { $time }): { $count }
peer-report-sending = ⏳ Vielä matkalla: { $count }
peer-report-skipped = 🔕 Ei lähetetty (ryhmäviestit pois tai tauko): { $count }
peer-report-blocked-hint = <i>Jos joku on estänyt Kohtaamon, viestit eivät mene hänelle perille. Voit kertoa asian hänelle itse ja yrittää uudelleen, kun hän on avannut botin taas.</i>
peer-retrying = 🔁 Yritän uudelleen { $count } vastaanottajalle. Saat uuden raportin, kun se on valmis.
peer-refreshed = Päivitetty ✓

## Kyselyjen tulokset

peer-results-none = Ryhmillesi ei ole vielä lähetetty kyselyjä. Kyselyn voit lähettää komennolla /laheta.
peer-results-choose =
    📊 <b>Kyselyjen tulokset</b>
    Valitse kysely. Näet vain yhteenvedon – se, kuka vastasi mitä, ei tallennu mihinkään.
peer-results-head =
    📊 <b>{ $question }</b>
    { $group } · { $date } · { $audience ->
        [chat] ryhmän chatissa
       *[private] yksityisesti
    }
    Vastanneita: { $audience ->
        [chat] { $voters }
       *[private] { $voters }/{ $sent }
    }
peer-results-too-few = Vastauksia on vielä alle { $least }. Näytän jakauman, kun vastanneita on vähintään { $least }, jotta kenenkään vastausta ei voi päätellä.
peer-results-multiple = <i>Kyselyssä sai valita useamman vaihtoehdon, joten prosentit eivät summaudu sataan.</i>

## Ryhmäviestit opiskelijalle

peer-mute-no-group = Et ole vielä missään ryhmässä, joten ryhmäviestejä ei tule.
peer-mute-state =
    { $muted ->
        [yes] 🔕 Ryhmäviestit ovat nyt pois päältä.
       *[no] 🔔 Ryhmäviestit ovat nyt päällä.
    }
    Ryhmäviestit ovat ryhmävalmentajan keskustelunaiheita ja kyselyjä ryhmälle { $group }, jotka tulevat sinulle yksityisesti.

    Kuulumiskyselyt tulevat joka tapauksessa, ja ryhmän chat toimii kuten ennenkin.
peer-muted-toast = Ryhmäviestit pois 🔕
peer-unmuted-toast = Ryhmäviestit päällä 🔔

## Mitä opiskelija ja ryhmä näkevät

peer-chat-prompt-header = 💬 <b>{ $theme }</b>
peer-chat-custom-header = 📣 <b>{ $name }</b>, ryhmävalmentaja:
peer-private-prompt-header = 💬 <b>{ $theme }</b> · ryhmä { $group }
peer-private-prompt-footer = <i>Tähän ei tarvitse vastata minulle. Mieti rauhassa ja ota ajatus mukaan ryhmän tapaamiseen. Ryhmäviestit saat pois komennolla /ryhmaviestit.</i>
peer-private-custom-header = 📣 <b>{ $name }</b> (ryhmävalmentaja, { $group }):
peer-private-custom-footer = <i>Tämä on viesti koko ryhmälle. Jos haluat vastata, vastaa ryhmävalmentajalle suoraan tai ryhmässä – minä en välitä vastauksia ryhmävalmentajalle. Jos kerrot, että olet vaarassa, kerron siitä koulun aikuiselle. Ryhmäviestit saat pois komennolla /ryhmaviestit.</i>
peer-private-poll-intro =
    { $kind ->
        [quiz] 🧠 <b>Pieni visa ryhmälle { $group }</b>
       *[poll] 📊 <b>Kysely ryhmälle { $group }</b>
    }
    Vastaa alla olevaan kyselyyn. Ryhmävalmentaja näkee vain yhteenvedon – kukaan ei näe, mitä sinä vastasit. Vastaus on lopullinen.
    <i>Ryhmäviestit saat pois komennolla /ryhmaviestit.</i>
peer-plan-poll-intro =
    📊 <b>Kysely ryhmälle { $group }</b>
    Koulun hyvinvointityössä halutaan kuulla, mitä teidän ryhmässänne ajatellaan. Vastaa alla olevaan kyselyyn, jos haluat – vastaaminen on vapaaehtoista.
    Vastaus on nimetön: kukaan ei näe, mitä sinä vastasit. Tallennan vain kaikkien vastausten yhteismäärät. Ne näkevät ryhmävalmentajasi ja koulun hyvinvointityötä tekevät aikuiset, ja vasta kun vähintään { $least } opiskelijaa on vastannut. Vastaus on lopullinen.
    <i>Ryhmäviestit saat pois komennolla /ryhmaviestit.</i>
peer-scheduled-no-chat = ⚠️ Ajastettu keskustelunaihe ryhmälle { $group } jäi lähettämättä, koska ryhmällä ei ole liitettyä chattia. Liitä chat: lisää minut sinne ja kirjoita /liita.
peer-scheduled-unknown-prompt = ⚠️ Ajastettua aihetta { $prompt } ei enää löydy kirjastosta, joten ryhmälle { $group } ei lähtenyt mitään. Tarkista aikataulu komennolla /aikataulu.

## Keskustelunaiheet ja kyselyt (flows/vertaistuki). Kyselyt ovat pelkkää tekstiä.

vp-theme-ryhmaytyminen = Ryhmäytyminen
vp-theme-jaksaminen = Jaksaminen ja stressi
vp-theme-tyossaoppiminen = Työpaikalla oppiminen
vp-theme-raha = Raha-asiat
vp-theme-tulevaisuus = Tulevaisuus ja jatkopolut
vp-theme-yhteinen = Yhteinen tekeminen

# Ryhmäytyminen
vp-ryhma-viikon-paras = Mikä oli tämän viikon paras hetki? Se voi olla ihan pieni juttu – hyvä ruoka, onnistunut työ tai kiva hetki kaverin kanssa. 🌟
vp-ryhma-viikon-paras-vinkki = Aloita itse ja kerro oma hetkesi ensin. Se madaltaa kynnystä.
vp-ryhma-kaksi-totta = 🕵️ Kaksi totta ja yksi valhe! Kerro itsestäsi kolme asiaa, joista yksi ei ole totta. Muut saavat arvata, mikä niistä on keksitty.
vp-ryhma-kaksi-totta-vinkki = Hyvä lämmittely uudelle ryhmälle. Kenenkään ei tarvitse kertoa mitään liian henkilökohtaista.
vp-ryhma-aamu-ilta = Oletko aamu- vai iltaihminen?
    .aamu = 🌅 Aamuvirkku
    .ilta = 🌙 Iltavirkku
    .riippuu = 🤷 Riippuu päivästä
vp-ryhma-taito = Mitä sellaista osaat, mitä muut eivät ehkä tiedä? Se voi olla ihan mitä vain – ruuanlaittoa, pelaamista, kieliä tai mopon korjaamista. 💪
vp-ryhma-pelisaannot = 🤝 Millainen on hyvä ryhmä? Kirjoittakaa tänne asioita, joiden ansiosta meillä kaikilla on hyvä olla yhdessä.
vp-ryhma-pelisaannot-vinkki = Kokoa ehdotukset seuraavalla tapaamisella ryhmän yhteisiksi pelisäännöiksi. Ryhmä sitoutuu paremmin sääntöihin, jotka se on tehnyt itse.
vp-ryhma-fiilis = Millä fiiliksellä olet tänään?
    .loistava = 😄 Loistavalla
    .hyva = 🙂 Hyvällä
    .ok = 😐 Ihan ok
    .vasynyt = 😴 Väsyneellä
    .huono = 😕 Vähän huonolla
vp-ryhma-fiilis-vinkki = Jos moni on väsynyt tai huonolla fiiliksellä, ota se puheeksi koko ryhmän kanssa – älä etsi yksittäisiä vastaajia.
vp-ryhma-tapaaminen = Millainen yhteinen tapaaminen olisi sinusta kivoin?
    .ulkona = 🌳 Jotain ulkona
    .pelit = 🎲 Pelejä
    .ruoka = 🍕 Syödään yhdessä
    .jutustelu = ☕ Rentoa jutustelua
    .vierailu = 🏭 Vierailu työpaikalle

# Jaksaminen ja stressi
vp-jaksaminen-viikko = Miltä tämä viikko on tuntunut?
    .kevyt = 🪶 Kevyeltä
    .sopiva = 👍 Sopivalta
    .raskas = 🏋️ Raskaalta
    .liian = 🥵 Liian raskaalta
vp-jaksaminen-viikko-vinkki = Jos monen viikko on tuntunut raskaalta, kysy ryhmältä, mikä auttaisi. Muistuta, että omavalmentajan kanssa voi aina jutella.
vp-jaksaminen-palautuminen = 🔋 Mikä auttaa sinua palautumaan rankan päivän jälkeen? Jaa oma keinosi – joku muu voi saada siitä hyvän idean.
vp-jaksaminen-keinot = Mikä auttaa sinua, kun stressaa?
    .liikunta = 🏃 Liikunta
    .kaverit = 👯 Kaverit
    .musiikki = 🎧 Musiikki
    .pelit = 🎮 Pelit
    .uni = 😴 Nukkuminen
    .ulkoilu = 🌲 Ulkoilu
    .puhuminen = 💬 Puhuminen jonkun kanssa
vp-jaksaminen-kuorma = Mikä kuormittaa sinua eniten juuri nyt?
    .opinnot = 📚 Opinnot
    .raha = 💶 Raha
    .uni = 😴 Uni tai väsymys
    .ihmissuhteet = 👥 Kaverit tai perhe
    .tulevaisuus = 🔮 Tulevaisuus
    .ei-mikaan = ✨ Ei mikään erityisesti
vp-jaksaminen-kuorma-vinkki = Tulos kertoo ryhmän yhteisestä kuormasta. Jos jokin nousee esiin, tehkää siitä yhteinen aihe ja kerro, mistä saa apua.
vp-jaksaminen-uni = Kuinka paljon unta nuori aikuinen tarvitsee yleensä yössä?
    .viisi = 4–5 tuntia
    .kahdeksan = Noin 8–9 tuntia
    .kaksitoista = 12 tuntia tai enemmän
vp-jaksaminen-uni-selitys = Useimmat 16–20-vuotiaat tarvitsevat noin 8–9 tuntia unta. Säännöllinen unirytmi auttaa jaksamaan koulussa.
vp-jaksaminen-pieni-teko = 🌱 Mikä on yksi pieni asia, jonka voisit tehdä tällä viikolla itsesi hyväksi? Pienikin riittää – vaikka kävely, aikainen nukkumaanmeno tai viesti kaverille.
vp-jaksaminen-apu = Keneltä sinä kysyisit apua, jos koulu alkaisi tuntua liian raskaalta? Koulussa on aikuisia, joille voi puhua: omavalmentaja, opettaja, kuraattori tai terveydenhoitaja. 💙
vp-jaksaminen-apu-vinkki = Käykää yhdessä läpi, kuka koulussa auttaa ja miten heidät tavoittaa.

# Työpaikalla oppiminen
vp-tyo-odotukset = 🧰 Mitä odotat eniten työpaikalla oppimiselta? Entä mikä jännittää?
vp-tyo-opin-viikolla = ✨ Kerro yksi asia, jonka opit työpaikalla tällä viikolla. Miten se onnistui?
vp-tyo-ohjaus = Saatko työpaikalla tarpeeksi ohjausta?
    .kylla = 👍 Kyllä
    .valilla = 🤏 Välillä
    .ei = 👎 En
    .en-viela = 🕐 En ole vielä työpaikalla
vp-tyo-ohjaus-vinkki = Jos moni kokee jäävänsä ilman ohjausta, ota asia puheeksi työpaikkaohjaajien kanssa koko ryhmän puolesta – älä yksittäisten vastaajien.
vp-tyo-ohjaaja = Kuka ohjaa sinua, kun opit työpaikalla?
    .ohjaaja = Työpaikkaohjaaja ja opettaja yhdessä
    .yksin = Ei kukaan – pitää pärjätä itse
    .kaveri = Vain toinen opiskelija
vp-tyo-ohjaaja-selitys = Työpaikalla sinulla on työpaikkaohjaaja, ja opettaja pitää yhteyttä koululta. Kysyminen kuuluu ammattitaitoon!
vp-tyo-kysyminen = 🙋 Miten uskaltaa kysyä työpaikalla, kun ei tiedä tai ei ymmärrä? Jakakaa vinkkejä toisillenne.
vp-tyo-fiilis = Millaista työpaikalla on ollut?
    .mahtavaa = 🤩 Mahtavaa
    .hyvaa = 🙂 Hyvää
    .ok = 😐 Ihan ok
    .hankalaa = 😕 Hankalaa

# Raha-asiat
vp-raha-saastovinkki = 💶 Mikä on paras säästövinkkisi? Ruoka, liikkuminen, vaatteet, puhelin – kaikki vinkit kelpaavat!
vp-raha-opintotuki = Mistä opintotukea haetaan?
    .kela = Kelasta
    .vero = Verohallinnosta
    .koulu = Omasta oppilaitoksesta
    .pankki = Pankista
vp-raha-opintotuki-selitys = Opintotukea haetaan Kelasta, esimerkiksi OmaKelassa. Koulun opinto-ohjaaja tai kuraattori auttaa hakemisessa.
vp-raha-huoli = Mietityttävätkö raha-asiat sinua?
    .harvoin = 😌 Harvoin
    .joskus = 🤔 Joskus
    .usein = 😟 Usein
vp-raha-huoli-vinkki = Jos moni vastaa ”Usein”, kutsu kuraattori tai opinto-ohjaaja kertomaan opintotuesta ja oman budjetin tekemisestä.
vp-raha-mihin-menee = Mihin sinun rahasi yleensä menevät? Onko jokin pieni meno, joka kasvaa kuukaudessa yllättävän isoksi? ☕📱
vp-raha-aiheet = Mistä raha-aiheesta haluaisit kuulla lisää?
    .opintotuki = 🎓 Opintotuki ja muut tuet
    .budjetti = 📊 Oma budjetti
    .asunto = 🏠 Ensimmäinen oma asunto
    .palkka = 💼 Palkka ja verokortti
    .velat = ⚠️ Velat ja pikavipit
vp-raha-apu = Jos rahat eivät riitä, siitä saa puhua. Kuraattori ja opinto-ohjaaja auttavat selvittämään, mitä tukia voit saada, ja Kelasta voi kysyä opintotuesta ja koulumatkatuesta. Mitä muuta haluaisit tietää raha-asioista?

# Tulevaisuus ja jatkopolut
vp-tulevaisuus-viisi-vuotta = 🚀 Missä näet itsesi viiden vuoden päästä? Isot ja pienet haaveet kelpaavat.
vp-tulevaisuus-jatko-opinnot = Voiko ammatillisen perustutkinnon jälkeen hakea ammattikorkeakouluun tai yliopistoon?
    .kylla = Kyllä voi
    .ei = Ei voi
    .yo = Vain ylioppilastutkinnon kanssa
vp-tulevaisuus-jatko-opinnot-selitys = Kyllä! Ammatillinen perustutkinto antaa yleisen jatko-opintokelpoisuuden ammattikorkeakouluun ja yliopistoon.
vp-tulevaisuus-suunnitelma = Mitä ajattelet tekeväsi valmistumisen jälkeen?
    .toihin = 💼 Töihin
    .opiskelemaan = 🎓 Jatko-opintoihin
    .palvelus = 🪖 Armeijaan tai siviilipalvelukseen
    .en-tieda = 🤷 En tiedä vielä
    .muuta = ✨ Jotain muuta
vp-tulevaisuus-vahvuus = 💎 Mikä on vahvuutesi, josta on hyötyä tulevassa ammatissasi? Voit myös kertoa, minkä vahvuuden olet huomannut ryhmäkaverissasi.
vp-tulevaisuus-vahvuus-vinkki = Kehut toisilta vahvistavat koko ryhmää. Pidä huolta, että jokainen saa ainakin yhden.
vp-tulevaisuus-esikuva = Kuka on ihminen, jonka työ tai elämä inspiroi sinua? Mikä hänessä on hienoa?
vp-tulevaisuus-tieto = Mistä haluaisit tietää lisää?
    .tyonhaku = 🔎 Työnhaku ja työhaastattelu
    .cv = 📄 CV:n tekeminen
    .jatko = 🎓 Jatko-opinnot
    .yrittajyys = 🚀 Yrittäjyys
    .ulkomaat = 🌍 Työ tai opiskelu ulkomailla

# Yhteinen tekeminen
vp-yhteinen-idea = Mitä tehtäisiin yhdessä?
    .keilaus = 🎳 Keilaus tai biljardi
    .leffa = 🎬 Leffa
    .ruoka = 🍕 Yhteinen ruoka
    .ulkoilu = 🌲 Ulkoilu
    .pelit = 🎲 Peli-ilta
    .muu = 💡 Jotain muuta – kerron chatissa
vp-yhteinen-mukaan = Kuka lähtee mukaan seuraavaan yhteiseen tapaamiseen?
    .tulen = 🙋 Tulen!
    .ehka = 🤔 Ehkä
    .en = 🙅 En pääse tällä kertaa
vp-yhteinen-mukaan-vinkki = Tässä kyselyssä ryhmä näkee, kuka vastasi mitä. Käytä sitä vain ilmoittautumiseen.
vp-yhteinen-kiitos = 🙏 Kiitoskierros! Kiitä jotakuta ryhmästä jostakin, mitä hän teki tällä viikolla. Pienikin asia riittää.
vp-yhteinen-muisto = Mikä on paras yhteinen muisto tältä jaksolta? 📸
vp-yhteinen-aika = Milloin yhteinen tapaaminen sopisi sinulle parhaiten?
    .koulupaivana = 🕐 Koulupäivän aikana
    .koulun-jalkeen = 🏫 Heti koulun jälkeen
    .ilta = 🌆 Arki-iltana
    .viikonloppu = 📅 Viikonloppuna
vp-yhteinen-haaste = 😊 Viikon haaste: tee jollekulle ryhmästä jotain pientä ja mukavaa – tervehdi, auta tai kehu. Kertokaa viikon lopulla, miltä tuntui!
