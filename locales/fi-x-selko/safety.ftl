# "Oletko turvassa?" – kun viesti voi kertoa hädästä, mutta botti ei ole varma. Selkosuomi.
safety-ask = { $name }, kiitos, että kirjoitit. Haluan kysyä yhden asian: <b>oletko turvassa nyt?</b> Mietitkö, että haluat satuttaa itseäsi? Tai mietitkö, että et halua elää?
safety-ask-child = { $name }, kiitos, että kirjoitit. Haluan kysyä yhden asian: <b>oletko turvassa nyt?</b> Onko joku satuttanut sinua? Tai onko joku uhannut sinua?
safety-ask-deadline = Jos et vastaa { $minutes } minuutissa, pyydän, että { $who } kysyy, miten voit.
safety-button-unsafe-crisis = 😟 En ole turvassa / mietin sitä
safety-button-unsafe-child_protection = 😟 En ole turvassa / joku satuttaa
safety-button-safe = 🙂 Olen turvassa
safety-answered-unsafe-crisis = Vastasit, ettet ole turvassa. Kiitos, että kerroit. 💛
safety-answered-unsafe-child_protection = Vastasit, ettet ole turvassa. Kiitos, että kerroit. Et ole tehnyt mitään väärää. 💛
safety-answered-safe = Vastasit, että olet turvassa. ✓
safety-safe = Hyvä kuulla. 💛 Haluatko jutella jonkun kanssa? Kirjoita /jutellaan. Kun kirjoitat /apua, näet, mistä saat apua. Apua saa aina, myös yöllä.

    Saako { $who } tietää, että sinulla on ollut vaikeaa? Silloin hän ottaa sinuun yhteyttä.
safety-button-share = ✅ Kyllä, saa kertoa
safety-button-keep = Ei tarvitse
safety-kept = Selvä. En kerro tästä kenellekään. Jos tilanne muuttuu, kirjoita /jutellaan tai /apua. Ne toimivat aina.
safety-shared = Kiitos. { $who } saa tiedon. Hän ottaa sinuun yhteyttä.
safety-shared-nobody = Kiitos. Koulussa ei ole nyt ketään, jolle voin kertoa tästä. Kun kirjoitat /apua, näet, mistä saat apua.
safety-safe-anon = Hyvä kuulla. Jos tarvitset apua, kirjoita /apua.
safety-late-safe = Kiitos vastauksesta. Hyvä kuulla. Vastaus tuli myöhään. Siksi pyysin jo, että koulun aikuinen kysyy, miten voit. Kerroin tästä sinulle aiemmin.
# Syy, jonka henkilökunta näkee. Näet sen myös itse: /omat_tiedot.
r-safety-shared = Opiskelija kirjoitti jotain huolestuttavaa. Hän sanoi, että hän on turvassa. Hän halusi, että saat tiedon.
r-safety-unanswered = Opiskelija kirjoitti jotain huolestuttavaa. Hän ei vastannut, onko hän turvassa. Kysy, miten hän voi.

# Väkivalta, seksuaalinen väkivalta, grooming, ei turvallista paikkaa nukkua.
risk-child-reply = { $name }, kiitos, että kerroit. Se, mitä sinulle tapahtui, ei ole sinun syysi. Et ole tehnyt mitään väärää. 💛
risk-child-reply-anon = Kiitos, että kerroit. Se, mitä sinulle tapahtui, ei ole sinun syysi. Et ole tehnyt mitään väärää. 💛
r-child-protection = Opiskelija ei ehkä ole turvassa. Syy voi olla väkivalta tai seksuaalinen väkivalta. Tai kotona ei ole turvallista. Tai hänellä ei ole paikkaa, jossa nukkua. Ota yhteyttä heti.

# Kun kyselyssä tulee esiin kriisi: kysely loppuu tähän.
checkin-close-after-crisis = Kiitos vastauksista, { $name }. Lopetetaan kysely tähän. Nyt tärkeintä on, että saat apua. Avun numerot ovat yllä. Kun kirjoitat /apua, näet ne uudelleen.
