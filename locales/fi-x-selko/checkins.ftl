### Kuulumiskyselyt selkosuomeksi. Samat tunnisteet ja attribuutit kuin fi/checkins.ftl:ssä.
### Syyt (r-) näkee omavalmentaja. Opiskelija näkee ne myös itse: /omat_tiedot.

## Vastausasteikot: emoji + enintään pari sanaa (≤ 14 merkkiä). s1 = huonoin, s5 = paras.

scale-mood = Millainen?
    .s1 = 😣 Tosi huono
    .s2 = 🙁 Huono
    .s3 = 😐 Ihan ok
    .s4 = 🙂 Hyvä
    .s5 = 😄 Tosi hyvä
scale-studies = Miten menee?
    .s1 = 😣 Ei mene
    .s2 = 🙁 Huonosti
    .s3 = 😐 Ihan ok
    .s4 = 🙂 Hyvin
    .s5 = 😄 Tosi hyvin
scale-often = Kuinka usein?
    .s1 = 😣 Ei koskaan
    .s2 = 🙁 Harvoin
    .s3 = 😐 Joskus
    .s4 = 🙂 Usein
    .s5 = 😄 Aina
scale-important = Kuinka tärkeää?
    .s1 = 😣 Ei yhtään
    .s2 = 🙁 Vähän
    .s3 = 😐 Melko tärkeää
    .s4 = 🙂 Tärkeää
    .s5 = 😄 Tosi tärkeää
scale-lonely = Kuinka usein?
    .s1 = 😣 Koko ajan
    .s2 = 🙁 Usein
    .s3 = 😐 Joskus
    .s4 = 🙂 Harvoin
    .s5 = 😄 Ei koskaan

## Viikkokysely

flow-viikkokysely = Viikon kuulumiset
viikko-intro = Moi { $name }! 👋 Mitä kuuluu? Kysyn muutaman lyhyen kysymyksen. Voit ohittaa kysymyksen, jos haluat.
q-viikko-jaksaminen = Millainen viikko sinulla oli?
q-viikko-tuki = Kiitos, että kerroit. Mikä auttaisi sinua nyt?
    .valmentaja = Jutella omavalmentajan kanssa
    .kuraattori = Jutella kuraattorin kanssa
    .opinnot = Apua opiskeluun
    .parjaan = Pärjään itse, kiitos
    .en_tieda = En tiedä vielä
q-viikko-opinnot = Miten opiskelu meni tällä viikolla?
q-viikko-ryhma = Kuinka usein tunnet, että kuulut ryhmään koulussa?
q-viikko-aikuinen = Onko koulussa aikuinen, jolle voit puhua huolista?
q-viikko-yksinaisyys = Kuinka usein olet viime aikoina ollut yksinäinen?
q-viikko-poissaolot = Olitko tällä viikolla pois tunneilta ilman lupaa? Älä laske päiviä, jolloin olit sairas.
    .ei = En ollut
    .vahan = Muutaman tunnin
    .paljon = 1 päivän tai enemmän
q-viikko-merkitys = Kuinka tärkeää sinulle on se, mitä opiskelet?
q-viikko-arki = Onko jokin näistä sinulle nyt vaikeaa? Voit valita monta.
    .uni = 😴 Uni tai väsymys
    .raha = 💶 Raha
    .asuminen = 🏠 Asunto
    .muu = Jokin muu
    .kaikki_hyvin = 👍 Ei mikään näistä
q-viikko-alanvaihto = Oletko miettinyt, että vaihdat alaa tai koulua? Ala tarkoittaa ammattia, jota opiskelet. Moni miettii sitä. Se voi olla hyvä suunnitelma.
q-viikko-keskeytys = Oletko viime aikoina miettinyt, että lopetat koulun kokonaan?
q-viikko-jutellaanko = Haluatko jutella omavalmentajan kanssa? Jos vastaat kyllä, hän ottaa sinuun yhteyttä.
q-viikko-vapaa = Haluatko kertoa vielä jotain? Voit kirjoittaa omin sanoin.
close-viikko-keskeytys = Kiitos, että kerroit. Moni miettii samaa. Siitä on hyvä puhua jonkun kanssa.
close-viikko-yhteys = Kiitos, että vastasit ja kerroit. 💬
close-viikko-raskas = Kiitos, että vastasit. Viikkosi kuulostaa raskaalta. Hyvä, että kerroit. Haluatko jutella jonkun kanssa? Kirjoita /jutellaan. Silloin omavalmentajasi saa viestin.
close-viikko-hyva = Kiitos vastauksista! Kiva kuulla, että sinulla meni hyvin. 🙌 Nähdään ensi viikolla!
close-viikko-osin = Kiitos vastauksista. Kaikki ei ole nyt helppoa. Se on ihan ok. Haluatko apua tai jutella? Kirjoita /jutellaan milloin vain.
close-viikko = Kiitos vastauksista! Nähdään ensi viikolla. Haluatko jutella omavalmentajan kanssa? Kirjoita /jutellaan milloin vain.

## Aloituskysely

flow-aloituskysely = Opiskelun alku
aloitus-intro = Moi { $name }! 👋 Tervetuloa kouluun! Kysyn muutaman asian. Miten alku on mennyt? Mikä on sinulle tärkeää? Omavalmentaja näkee sinun vastauksesi. Näin hän oppii tuntemaan sinut. Voit ohittaa kysymyksen, jos haluat.
q-aloitus-alku = Millainen alku koulussa on ollut?
q-aloitus-hyvin = Mikä on mennyt hyvin? Pieni asiakin on hyvä.
q-aloitus-odotukset = Mitä toivot koululta eniten? Voit valita monta.
    .ammatti = Oppia ammatin
    .tekeminen = Tehdä asioita käsillä
    .tyo = Päästä töihin
    .kaverit = Saada uusia kavereita
    .jatko = Jatkaa opiskelua
    .en_tieda = En tiedä vielä
q-aloitus-huolet = Mietitkö jotain näistä? Voit valita monta.
    .kaverit = Saanko kavereita
    .opinnot = Pärjäänkö koulussa
    .raha = Raha
    .matkat = Matka kouluun
    .kieli = Suomen kieli
    .ei_mitaan = En mitään näistä
q-aloitus-vahvuudet = Missä olet hyvä? Mistä tykkäät? Se voi olla harrastus tai taito. Tai vaikka se, että olet hyvä kaveri.
q-aloitus-apu = Tiedätkö, keneltä voit kysyä apua koulussa?
q-aloitus-jutellaanko = Haluatko jutella omavalmentajan kanssa? Jos vastaat kyllä, hän ottaa sinuun yhteyttä.
close-aloitus-raskas = Kiitos, että kerroit. Alku on monelle raskas. Siihen saa apua. Omavalmentaja ottaa sinuun pian yhteyttä.
close-aloitus-yhteys = Kiitos vastauksista! Omavalmentaja ottaa sinuun pian yhteyttä. Kiva, että olet täällä. 😊
close-aloitus-hyva = Kiitos vastauksista! Kiva kuulla, että alku on mennyt hyvin. 🙌 Kiva, että olet täällä.
close-aloitus = Kiitos vastauksista! Kiva, että olet täällä. Haluatko jutella? Kirjoita /jutellaan milloin vain.

## Työpaikalla oppiminen

flow-tyossaoppiminen = Kuulumiset työpaikalta
tyo-intro = Moi { $name }! 👋 Nyt opit työpaikalla. Kysyn muutaman asian. Miten siellä menee? Voit ohittaa kysymyksen, jos haluat.
q-tyo-olo = Miltä sinusta on tuntunut työpaikalla?
q-tyo-ohjaus = Työpaikalla on ohjaaja. Hän neuvoo sinua. Saatko häneltä apua, kun tarvitset?
    .aina = Kyllä, aina
    .yleensa = Yleensä saan
    .harvoin = Harvoin
    .en = En oikeastaan
    .ei_ohjaajaa = En tiedä, kuka on ohjaajani
q-tyo-turvallisuus = Onko sinulla turvallinen olo työpaikalla? Mieti esimerkiksi näitä: Saatko neuvoja? Onko sinulla suojavarusteet, esimerkiksi kypärä tai käsineet? Kohtelevatko muut sinua hyvin?
q-tyo-turva = Mikä ei tunnu turvalliselta? Voit valita monta.
    .vaara = Vaarallinen työ tai kone
    .opastus = Liian vähän neuvoja
    .suojaimet = Ei suojavarusteita
    .kohtelu = Huono kohtelu tai häirintä
    .muu = Jokin muu
q-tyo-kuormitus = Kuinka paljon sinulla on työtä työpaikalla?
    .sopivasti = Sopivasti
    .liikaa = Liikaa
    .liian_vahan = Liian vähän
    .vaihtelee = Joskus paljon, joskus vähän
q-tyo-jutellaanko = Haluatko jutella omavalmentajan kanssa? Jos vastaat kyllä, hän ottaa sinuun yhteyttä.
q-tyo-vapaa = Haluatko kertoa vielä jotain työpaikasta tai muusta? Kirjoita omin sanoin.
close-tyo-turva = Kiitos, että kerroit. Turvallisuus on aina tärkeämpää kuin työ. Onko jokin vaarallista nyt? Lopeta se työ. Kerro asiasta ihmiselle, johon luotat. Jos on hätä, soita 112. Omavalmentaja ottaa sinuun pian yhteyttä.
close-tyo-yhteys = Kiitos vastauksista! Omavalmentaja ottaa sinuun pian yhteyttä. Voitte miettiä asiaa yhdessä.
close-tyo-hyva = Kiitos vastauksista! Kiva kuulla, että työpaikalla menee hyvin. 🙌 Hyviä työpäiviä!
close-tyo = Kiitos vastauksista! Haluatko jutella työpaikan asioista? Kirjoita /jutellaan milloin vain.

## Syyt omavalmentajalle (lyhyt otsikko, ei muuttujia). Opiskelija näkee ne: /omat_tiedot.

r-crisis-text = Viestissä oli merkkejä kriisistä. Ota yhteyttä heti.
r-quitting = Miettii, että lopettaa koulun kokonaan
r-field-change = Miettii, että vaihtaa alaa tai koulua
r-student-asked = Opiskelija haluaa jutella kanssasi
r-wants-kuraattori = Opiskelija haluaa jutella kuraattorin kanssa
r-study-help = Haluaa apua opiskeluun
r-absences = Oli tällä viikolla paljon pois ilman lupaa
r-absences-repeat = Oli pois ilman lupaa 3 kyselyssä peräkkäin
r-low-wellbeing = Huono olo 2 kyselyssä peräkkäin
r-studies-falling = Opiskelu menee nyt paljon huonommin kuin ennen
r-silence = Ei vastannut 2 viime kyselyyn
r-wellbeing-info = Raskas viikko
r-loneliness-text = Viestissä oli merkkejä yksinäisyydestä
r-bullying-text = Viestissä oli merkkejä kiusaamisesta. Koulun täytyy selvittää asia.
r-lonely = On usein yksinäinen, 2 kyselyssä peräkkäin
r-no-trusted-adult = Koulussa ei ole aikuista, jolle voi puhua
r-money-housing = Huolia rahasta tai asunnosta
r-start-hard = Koulun alku tuntuu huonolta
r-no-one-to-ask = Ei vielä tiedä, keneltä kysyä apua koulussa
r-worries = Huolia koulun alussa
r-strengths = Mikä on mennyt hyvin, mitä odottaa ja missä on hyvä
r-unsafe-work = Olo työpaikalla ei ole turvallinen
r-no-guidance = Ei saa neuvoja työpaikalla tai ei tiedä, kuka on ohjaaja
r-workplace-hard = Huono olo työpaikalla
r-too-much-work = Työpaikalla on liikaa työtä

## Opiskelijalle ennen kuin tieto lähtee: mitä kerrotaan ja kenelle ($coach = omavalmentajan nimi)

share-crisis-text = Kiitos, että kerroit. Se, mitä kirjoitit, kuulostaa vakavalta. Haluamme, että saat apua. Omavalmentaja { $coach } saa tiedon heti. Hän näkee, mitä kirjoitit. Hän ottaa sinuun yhteyttä. Jos olet vaarassa nyt, soita 112.
share-quitting = Olet miettinyt, että lopetat koulun. Omavalmentaja { $coach } saa tästä tiedon. Hän ottaa sinuun yhteyttä. Voitte jutella siitä rauhassa.
    .what = olet miettinyt, että lopetat koulun
share-student-asked = Omavalmentaja { $coach } saa tiedon, että haluat jutella. Hän ottaa sinuun yhteyttä.
    .what = haluat jutella hänen kanssaan
share-wants-kuraattori = Omavalmentaja { $coach } saa tiedon, että haluat jutella kuraattorin kanssa. Hän ottaa sinuun yhteyttä. Hän auttaa sinua saamaan ajan kuraattorille.
    .what = haluat jutella kuraattorin kanssa (hän auttaa sinua saamaan ajan)
share-study-help = Omavalmentaja { $coach } saa tiedon, että haluat apua opiskeluun. Hän ottaa sinuun yhteyttä. Voitte miettiä yhdessä, mikä auttaa.
    .what = haluat apua opiskeluun
share-absences = Omavalmentaja { $coach } saa tiedon, että olit tällä viikolla paljon pois tunneilta. Hän ottaa sinuun yhteyttä. Voitte miettiä yhdessä, miten pääset taas mukaan.
    .what = olit tällä viikolla paljon pois tunneilta
share-absences-repeat = Olet kertonut 3 viime kyselyssä, että olit pois tunneilta. Omavalmentaja { $coach } saa tästä tiedon. Hän ottaa sinuun yhteyttä. Voitte miettiä yhdessä, mikä auttaa.
    .what = olit pois tunneilta 3 viikkoa peräkkäin
share-low-wellbeing = Olet kertonut 2 viime kyselyssä, että viikko oli huono. Omavalmentaja { $coach } saa tästä tiedon. Hän ottaa sinuun yhteyttä.
    .what = sinulla oli 2 huonoa viikkoa peräkkäin
share-studies-falling = Vastasit, että opiskelu menee nyt huonommin kuin ennen. Omavalmentaja { $coach } saa tästä tiedon. Hän ottaa sinuun yhteyttä. Näin saat tukea ajoissa.
    .what = opiskelu menee nyt huonommin kuin ennen
share-wellbeing-info = Omavalmentaja { $coach } { $sameday ->
    [yes] näkee jo { $when }, että viikkosi oli raskas.
   *[other] näkee { $when } viikon tiedoista, että viikkosi oli raskas.
    }
    .what = viikkosi oli raskas
share-loneliness-text = Omavalmentaja { $coach } { $sameday ->
    [yes] näkee jo { $when }, että olet ehkä ollut yksinäinen.
   *[other] näkee { $when } viikon tiedoista, että olet ehkä ollut yksinäinen.
    }
    .what = olet ehkä ollut yksinäinen
share-bullying-text = Kiitos, että kerroit. Kiusaaminen ei ole koskaan sinun vikasi. Koulun aikuisten täytyy tehdä jotain, jotta kiusaaminen loppuu. Omavalmentaja { $coach } saa tiedon. Hän näkee, mitä kirjoitit. Hän ottaa sinuun yhteyttä. Päätätte yhdessä, mitä teette.
    .what = kirjoitit kiusaamisesta (hän näkee, mitä kirjoitit)
share-lonely = Olet kertonut 2 viime kyselyssä, että olet usein yksinäinen. Omavalmentaja { $coach } saa tästä tiedon. Hän ottaa sinuun yhteyttä.
    .what = olet usein yksinäinen
share-no-trusted-adult = Omavalmentaja { $coach } { $sameday ->
    [yes] näkee jo { $when }, että koulussa ei ole aikuista, jolle voit puhua. Hän voi olla sellainen aikuinen. Tai hän auttaa sinua löytämään sellaisen.
   *[other] näkee { $when } viikon tiedoista, että koulussa ei ole aikuista, jolle voit puhua. Hän voi olla sellainen aikuinen. Tai hän auttaa sinua löytämään sellaisen.
    }
    .what = koulussa ei ole aikuista, jolle voit puhua
share-field-change = Omavalmentaja { $coach } { $sameday ->
    [yes] näkee jo { $when }, että mietit, vaihdatko alaa tai koulua. Hän voi auttaa sinua miettimään, mitä voit tehdä.
   *[other] näkee { $when } viikon tiedoista, että mietit, vaihdatko alaa tai koulua. Hän voi auttaa sinua miettimään, mitä voit tehdä.
    }
    .what = mietit, vaihdatko alaa tai koulua
share-money-housing = Omavalmentaja { $coach } { $sameday ->
    [yes] näkee jo { $when }, mitkä asiat ovat sinulle nyt vaikeita. Hän voi kertoa, mistä saat apua.
   *[other] näkee { $when } viikon tiedoista, mitkä asiat ovat sinulle nyt vaikeita. Hän voi kertoa, mistä saat apua.
    }
    .what = jotkin asiat ovat sinulle nyt vaikeita
share-start-hard = Omavalmentaja { $coach } saa tiedon, että alku on ollut vaikea. Hän ottaa sinuun yhteyttä.
share-no-one-to-ask = Omavalmentaja { $coach } saa tiedon, että et vielä tiedä, keneltä voit kysyä apua. Hän ottaa sinuun yhteyttä. Hän kertoo, keneltä saat apua eri asioissa.
share-worries = Omavalmentaja { $coach } näkee, mitä asioita mietit. Näin hän osaa auttaa.
share-strengths = Omavalmentaja { $coach } näkee, mitä kerroit: mikä on mennyt hyvin, mitä toivot koululta ja missä olet hyvä. Näin hän oppii tuntemaan sinut.
share-unsafe-work = Omavalmentaja { $coach } saa tiedon heti, että sinulla ei ole turvallinen olo työpaikalla. Hän näkee, mikä ei tunnu turvalliselta. Hän ottaa sinuun yhteyttä. Päätätte yhdessä, mitä teette.
share-no-guidance = Omavalmentaja { $coach } saa tiedon, että et saa työpaikalla tarpeeksi neuvoja. Tai et tiedä, kuka on ohjaajasi. Hän ottaa sinuun yhteyttä. Päätätte yhdessä, mitä teette.
share-workplace-hard = Omavalmentaja { $coach } saa tiedon, että sinulla on ollut huono olo työpaikalla. Hän ottaa sinuun yhteyttä.
share-too-much-work = Omavalmentaja { $coach } näkee viikon tiedoista, että sinulla on ollut työpaikalla liikaa työtä.
share-combined-now = Omavalmentaja { $coach } saa tiedon, että
share-combined-digest = Viikon tiedoista hän näkee { $when } myös, että
share-combined-digest-only = Omavalmentaja { $coach } näkee { $when } viikon tiedoista, että
share-combined-when = { $level ->
    [crisis] Hän ottaa sinuun yhteyttä niin pian kuin voi.
    [urgent] Hän ottaa sinuun yhteyttä yleensä seuraavana koulupäivänä.
   *[other] Hän ottaa sinuun yhteyttä muutaman koulupäivän aikana.
}
