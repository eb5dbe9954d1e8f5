### Kuulumiskyselyt: viikkokysely, aloituskysely ja tyossaoppiminen (flows/*.yaml).
### Kysymykset (q-), lopetukset (close-), syyt omavalmentajalle (r-) ja viestit
### opiskelijalle ennen kuin tietoa välitetään (share-, muuttuja $coach).
### Pidä sv- ja en-tiedostoissa täsmälleen samat tunnisteet ja attribuutit samassa järjestyksessä.

## Vastausasteikot: napit ovat kapeita, joten emoji + enintään pari sanaa (≤ 14 merkkiä).
## s1 = huonoin, s5 = paras.

scale-mood = Millainen?
    .s1 = 😣 Tosi huono
    .s2 = 🙁 Huono
    .s3 = 😐 Ihan ok
    .s4 = 🙂 Hyvä
    .s5 = 😄 Tosi hyvä
scale-studies = Miten sujuu?
    .s1 = 😣 Ei suju
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
    .s3 = 😐 Jonkin verran
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
viikko-intro = Moi { $name }! 👋 Mitä kuuluu? Kysyn muutaman lyhyen kysymyksen. Voit ohittaa minkä tahansa.
q-viikko-jaksaminen = Millainen viikko sinulla on ollut?
q-viikko-tuki = Kiitos, että kerroit. Mikä voisi auttaa sinua juuri nyt?
    .valmentaja = Juttelu omavalmentajan kanssa
    .kuraattori = Juttelu kuraattorin kanssa
    .opinnot = Apua tai joustoa opintoihin
    .parjaan = Pärjään itse, kiitos
    .en_tieda = En tiedä vielä
q-viikko-opinnot = Miten opiskelu on sujunut tällä viikolla?
q-viikko-ryhma = Kuinka usein sinusta tuntuu, että kuulut porukkaan koulussa?
q-viikko-aikuinen = Onko koulussa aikuinen, jolle voit puhua, jos sinulla on huolia?
q-viikko-yksinaisyys = Kuinka usein olet viime aikoina tuntenut itsesi yksinäiseksi?
q-viikko-poissaolot = Jäikö sinulta tällä viikolla tunteja väliin ilman lupaa? Sairauspäiviä ei lasketa.
    .ei = Ei jäänyt
    .vahan = Muutama tunti
    .paljon = Päivä tai enemmän
q-viikko-merkitys = Kuinka tärkeää sinulle on se, mitä opiskelet?
q-viikko-arki = Onko jokin näistä sinulle nyt vaikeaa? Voit valita monta.
    .uni = 😴 Uni tai väsymys
    .raha = 💶 Raha
    .asuminen = 🏠 Asuminen
    .muu = Jokin muu
    .kaikki_hyvin = 👍 Ei mikään näistä
q-viikko-alanvaihto = Oletko miettinyt, että vaihtaisit alaa tai koulua? Moni miettii tätä, ja se voi olla hyvä suunnitelma.
q-viikko-keskeytys = Oletko viime aikoina miettinyt, että lopettaisit opiskelun kokonaan?
q-viikko-jutellaanko = Haluatko jutella omavalmentajasi kanssa? Jos vastaat kyllä, hän ottaa sinuun yhteyttä.
q-viikko-vapaa = Onko mielessäsi vielä jotain? Voit kirjoittaa omin sanoin.
close-viikko-keskeytys = Kiitos, että kerroit tämän. Moni miettii samaa, ja siitä on hyvä puhua jonkun kanssa.
close-viikko-yhteys = Kiitos, että vastasit ja kerroit. 💬
close-viikko-raskas = Kiitos, että vastasit. Kuulostaa raskaalta viikolta – hyvä, että kerroit. Jos haluat jutella jonkun kanssa, kirjoita /jutellaan, niin omavalmentajasi saa viestin.
close-viikko-hyva = Kiitos vastauksista! Tosi kiva kuulla, että sinulla on mennyt hyvin. 🙌 Nähdään ensi viikolla!
close-viikko-osin = Kiitos vastauksista. Kaikki ei ole nyt helppoa, ja sekin on ihan ok. Jos haluat apua tai jutella, kirjoita /jutellaan milloin vain.
close-viikko = Kiitos vastauksista! Nähdään taas ensi viikolla. Jos haluat jutella omavalmentajasi kanssa, kirjoita /jutellaan milloin vain.

## Aloituskysely

flow-aloituskysely = Opintojen alku
aloitus-intro = Moi { $name }! 👋 Tervetuloa opiskelemaan! Kysyn muutaman asian siitä, miten alku on mennyt ja mikä sinulle on tärkeää. Vastauksesi näkee omavalmentajasi – näin hän oppii tuntemaan sinut. Voit ohittaa minkä tahansa kysymyksen.
q-aloitus-alku = Millainen alku opinnoissa on ollut?
q-aloitus-hyvin = Mikä on mennyt tähän asti hyvin? Pienikin asia käy.
q-aloitus-odotukset = Mitä odotat opinnoilta eniten? Voit valita monta.
    .ammatti = Ammatin oppimista
    .tekeminen = Käytännön tekemistä
    .tyo = Töihin pääsyä
    .kaverit = Uusia kavereita
    .jatko = Jatko-opintoja
    .en_tieda = En tiedä vielä
q-aloitus-huolet = Mietityttääkö jokin näistä? Voit valita monta.
    .kaverit = Kavereiden löytäminen
    .opinnot = Opinnoissa pärjääminen
    .raha = Raha
    .matkat = Koulumatkat
    .kieli = Suomen kieli
    .ei_mitaan = Ei mikään näistä
q-aloitus-vahvuudet = Missä olet hyvä tai mistä tykkäät? Se voi olla harrastus, taito tai vaikka se, että olet hyvä kaveri.
q-aloitus-apu = Tiedätkö, keneltä voit kysyä apua koulussa?
q-aloitus-jutellaanko = Haluatko jutella omavalmentajasi kanssa? Jos vastaat kyllä, hän ottaa sinuun yhteyttä.
close-aloitus-raskas = Kiitos, että kerroit. Alku on monelle raskas, ja siihen saa apua. Omavalmentajasi ottaa sinuun pian yhteyttä.
close-aloitus-yhteys = Kiitos vastauksista! Omavalmentajasi ottaa sinuun pian yhteyttä. Mukava, että olet täällä. 😊
close-aloitus-hyva = Kiitos vastauksista! Kiva kuulla, että alku on lähtenyt hyvin käyntiin. 🙌 Mukava, että olet täällä.
close-aloitus = Kiitos vastauksista! Mukava, että olet täällä. Jos haluat jutella, kirjoita /jutellaan milloin vain.

## Työpaikalla oppiminen (tyossaoppiminen)

flow-tyossaoppiminen = Kuulumiset työpaikalta
tyo-intro = Moi { $name }! 👋 Olet nyt oppimassa työpaikalla. Kysyn muutaman asian siitä, miten siellä menee. Voit ohittaa minkä tahansa kysymyksen.
q-tyo-olo = Millainen olo sinulla on ollut työpaikalla?
q-tyo-ohjaus = Saatko työpaikkaohjaajaltasi apua ja neuvoja, kun tarvitset niitä?
    .aina = Kyllä, aina
    .yleensa = Yleensä saan
    .harvoin = Harvoin
    .en = En oikeastaan
    .ei_ohjaajaa = En tiedä, kuka ohjaajani on
q-tyo-turvallisuus = Onko sinulla turvallinen olo työpaikalla? Siihen kuuluu esimerkiksi opastus, suojavarusteet ja hyvä kohtelu.
q-tyo-turva = Mikä tuntuu turvattomalta? Voit valita monta.
    .vaara = Vaaralliset työt tai koneet
    .opastus = Opastusta ei ole tarpeeksi
    .suojaimet = Suojavarusteet puuttuvat
    .kohtelu = Huono kohtelu tai häirintä
    .muu = Jokin muu
q-tyo-kuormitus = Miten paljon sinulla on tekemistä työpaikalla?
    .sopivasti = Sopivasti
    .liikaa = Liikaa
    .liian_vahan = Liian vähän
    .vaihtelee = Vaihtelee paljon
q-tyo-jutellaanko = Haluatko jutella omavalmentajasi kanssa? Jos vastaat kyllä, hän ottaa sinuun yhteyttä.
q-tyo-vapaa = Haluatko kertoa vielä jotain työpaikasta tai muusta? Kirjoita omin sanoin.
close-tyo-turva = Kiitos, että kerroit. Turvallisuus menee aina työn edelle. Jos jokin on vaarallista juuri nyt, lopeta se työ ja kerro asiasta jollekulle, johon luotat. Hätätilanteessa soita 112. Omavalmentajasi ottaa sinuun pian yhteyttä.
close-tyo-yhteys = Kiitos vastauksista! Omavalmentajasi ottaa sinuun pian yhteyttä, ja voitte miettiä asiaa yhdessä.
close-tyo-hyva = Kiitos vastauksista! Kiva kuulla, että työpaikalla menee hyvin. 🙌 Hyviä työpäiviä!
close-tyo = Kiitos vastauksista! Jos haluat jutella työpaikan asioista, kirjoita /jutellaan milloin vain.

## Syyt omavalmentajalle (lyhyt otsikko hälytykseen tai viikkokoosteeseen, ei muuttujia)

r-crisis-text = Vapaassa tekstissä viitteitä kriisistä – ota yhteyttä heti
r-quitting = Miettii opiskelun lopettamista kokonaan
r-field-change = Miettii alan tai koulun vaihtoa
r-student-asked = Opiskelija haluaa jutella kanssasi
r-wants-kuraattori = Opiskelija haluaa jutella kuraattorin kanssa
r-study-help = Toivoo apua tai joustoa opintoihin
r-absences = Paljon poissaoloja ilman lupaa tällä viikolla
r-absences-repeat = Poissaoloja ilman lupaa kolmessa kyselyssä peräkkäin
r-low-wellbeing = Heikko jaksaminen kahdessa kyselyssä peräkkäin
r-studies-falling = Opinnot sujuvat selvästi huonommin kuin aiemmin
r-silence = Ei ole vastannut kahteen viimeiseen kyselyyn
r-wellbeing-info = Raskas viikko: jaksaminen heikko
r-loneliness-text = Vapaassa tekstissä viitteitä yksinäisyydestä
r-bullying-text = Vapaassa tekstissä viitteitä kiusaamisesta – koulun on selvitettävä asia
r-lonely = Tuntee itsensä usein yksinäiseksi kahdessa kyselyssä peräkkäin
r-no-trusted-adult = Koulussa ei ole aikuista, jolle voisi puhua
r-money-housing = Raha- tai asumishuolia
r-start-hard = Opintojen alku tuntuu huonolta
r-no-one-to-ask = Ei vielä tiedä, keneltä kysyä apua koulussa
r-worries = Huolia opintojen alussa
r-strengths = Onnistumiset, odotukset ja vahvuudet opintojen alussa
r-unsafe-work = Ei koe oloaan turvalliseksi työpaikalla
r-no-guidance = Ei saa ohjausta työpaikalla tai ei tiedä, kuka on työpaikkaohjaaja
r-workplace-hard = Huono olo työpaikalla
r-too-much-work = Kokee, että työpaikalla on liikaa tekemistä

## Opiskelijalle ennen kuin tieto välitetään: mitä kerrotaan ja kenelle ($coach = omavalmentajan nimi)

share-crisis-text = Kiitos, että kerroit. Se, mitä kirjoitit, kuulostaa vakavalta, ja haluamme varmistaa, että saat apua. Omavalmentajasi { $coach } saa heti tiedon ja näkee, mitä kirjoitit. Hän ottaa sinuun yhteyttä. Jos olet vaarassa juuri nyt, soita 112.
share-quitting = Omavalmentajasi { $coach } saa tiedon, että olet miettinyt opiskelun lopettamista. Hän ottaa sinuun yhteyttä, ja voitte jutella siitä rauhassa.
    .what = olet miettinyt opiskelun lopettamista
share-student-asked = Omavalmentajasi { $coach } saa tiedon, että haluat jutella. Hän ottaa sinuun yhteyttä.
    .what = haluat jutella hänen kanssaan
share-wants-kuraattori = Omavalmentajasi { $coach } saa tiedon, että haluat jutella kuraattorin kanssa. Hän ottaa sinuun yhteyttä ja auttaa sinua saamaan ajan.
    .what = haluat jutella kuraattorin kanssa (hän auttaa sinua saamaan ajan)
share-study-help = Omavalmentajasi { $coach } saa tiedon, että toivot apua tai joustoa opintoihin. Hän ottaa sinuun yhteyttä, ja voitte yhdessä miettiä, mikä auttaisi.
    .what = toivot apua tai joustoa opintoihin
share-absences = Omavalmentajasi { $coach } saa tiedon, että sinulta on jäänyt tällä viikolla paljon tunteja väliin. Hän ottaa sinuun yhteyttä, ja voitte yhdessä miettiä, miten pääset taas mukaan.
    .what = sinulta on jäänyt tällä viikolla paljon tunteja väliin
share-absences-repeat = Olet kertonut kolmessa viime kyselyssä, että tunteja on jäänyt väliin. Omavalmentajasi { $coach } saa tästä tiedon ja ottaa sinuun yhteyttä, jotta löydätte yhdessä keinoja.
    .what = tunteja on jäänyt väliin kolmella viikolla peräkkäin
share-low-wellbeing = Olet kertonut kahdessa viime kyselyssä, että viikko on ollut huono. Omavalmentajasi { $coach } saa tästä tiedon ja ottaa sinuun yhteyttä.
    .what = sinulla on ollut kaksi huonoa viikkoa peräkkäin
share-studies-falling = Vastaustesi mukaan opiskelu sujuu nyt huonommin kuin aiemmin. Omavalmentajasi { $coach } saa tästä tiedon ja ottaa sinuun yhteyttä, jotta saat tukea ajoissa.
    .what = opiskelu sujuu nyt huonommin kuin aiemmin
share-wellbeing-info = Omavalmentajasi { $coach } { $sameday ->
    [yes] näkee jo { $when }, että viikkosi on ollut raskas.
   *[other] näkee viikkoyhteenvedosta { $when }, että viikkosi on ollut raskas.
    }
    .what = viikkosi on ollut raskas
share-loneliness-text = Omavalmentajasi { $coach } { $sameday ->
    [yes] näkee jo { $when }, että olet ehkä tuntenut itsesi yksinäiseksi.
   *[other] näkee viikkoyhteenvedosta { $when }, että olet ehkä tuntenut itsesi yksinäiseksi.
    }
    .what = olet ehkä tuntenut itsesi yksinäiseksi
share-bullying-text = Kiitos, että kerroit. Kiusaaminen ei ole koskaan sinun vikasi, ja koulun aikuisten pitää puuttua siihen. Omavalmentajasi { $coach } saa tiedon ja näkee, mitä kirjoitit. Hän ottaa sinuun yhteyttä, ja sovitte yhdessä, mitä tehdään.
    .what = kirjoitit kiusaamisesta (hän näkee, mitä kirjoitit)
share-lonely = Olet kertonut kahdessa viime kyselyssä, että tunnet itsesi usein yksinäiseksi. Omavalmentajasi { $coach } saa tästä tiedon ja ottaa sinuun yhteyttä.
    .what = tunnet itsesi usein yksinäiseksi
share-no-trusted-adult = Omavalmentajasi { $coach } { $sameday ->
    [yes] näkee jo { $when }, että koulussa ei ole aikuista, jolle voisit puhua. Hän voi olla sellainen aikuinen – tai auttaa sinua löytämään sellaisen.
   *[other] näkee viikkoyhteenvedosta { $when }, että koulussa ei ole aikuista, jolle voisit puhua. Hän voi olla sellainen aikuinen – tai auttaa sinua löytämään sellaisen.
    }
    .what = koulussa ei ole aikuista, jolle voisit puhua
share-field-change = Omavalmentajasi { $coach } { $sameday ->
    [yes] näkee jo { $when }, että mietit alan tai koulun vaihtoa. Hän voi auttaa sinua selvittämään vaihtoehtoja.
   *[other] näkee viikkoyhteenvedosta { $when }, että mietit alan tai koulun vaihtoa. Hän voi auttaa sinua selvittämään vaihtoehtoja.
    }
    .what = mietit alan tai koulun vaihtoa
share-money-housing = Omavalmentajasi { $coach } { $sameday ->
    [yes] näkee jo { $when }, mitkä arjen asiat ovat sinulle nyt vaikeita. Hän voi kertoa, mistä saat apua.
   *[other] näkee viikkoyhteenvedosta { $when }, mitkä arjen asiat ovat sinulle nyt vaikeita. Hän voi kertoa, mistä saat apua.
    }
    .what = jotkin arjen asiat ovat sinulle nyt vaikeita
share-start-hard = Omavalmentajasi { $coach } saa tiedon, että alku on tuntunut vaikealta. Hän ottaa sinuun yhteyttä.
share-no-one-to-ask = Omavalmentajasi { $coach } saa tiedon, että et vielä tiedä, keneltä voit kysyä apua. Hän ottaa sinuun yhteyttä ja kertoo, kuka auttaa missäkin.
share-worries = Omavalmentajasi { $coach } näkee, mitkä asiat sinua mietityttävät, jotta hän osaa auttaa.
share-strengths = Omavalmentajasi { $coach } näkee, mitä kerroit onnistumisistasi, odotuksistasi ja vahvuuksistasi. Näin hän oppii tuntemaan sinut.
share-unsafe-work = Omavalmentajasi { $coach } saa heti tiedon, että sinulla ei ole turvallinen olo työpaikalla, ja näkee, mikä tuntuu turvattomalta. Hän ottaa sinuun yhteyttä, ja sovitte yhdessä, mitä tehdään.
share-no-guidance = Omavalmentajasi { $coach } saa tiedon, että et saa työpaikalla tarpeeksi ohjausta tai et tiedä, kuka ohjaajasi on. Hän ottaa sinuun yhteyttä, ja sovitte yhdessä, mitä tehdään.
share-workplace-hard = Omavalmentajasi { $coach } saa tiedon, että olo työpaikalla on ollut huono. Hän ottaa sinuun yhteyttä.
share-too-much-work = Omavalmentajasi { $coach } näkee yhteenvedosta, että sinulla on ollut työpaikalla liikaa tekemistä.
share-combined-now = Omavalmentajasi { $coach } saa tiedon, että
share-combined-digest = Viikkoyhteenvedosta { $when } hän näkee lisäksi, että
share-combined-digest-only = Omavalmentajasi { $coach } näkee viikkoyhteenvedosta { $when }, että
share-combined-when = { $level ->
    [crisis] Hän ottaa sinuun yhteyttä niin pian kuin voi.
    [urgent] Hän ottaa sinuun yhteyttä yleensä seuraavana koulupäivänä.
   *[other] Hän ottaa sinuun yhteyttä muutaman koulupäivän sisällä.
}
