# "Oletko turvassa?" – kun viesti saattaa kertoa hädästä, mutta botti ei ole varma.
safety-ask = { $name }, kiitos, että kirjoitit. Haluan varmistaa yhden asian: <b>oletko turvassa juuri nyt?</b> Mietitkö itsesi satuttamista tai sitä, ettet haluaisi elää?
safety-ask-child = { $name }, kiitos, että kirjoitit. Haluan varmistaa yhden asian: <b>oletko turvassa juuri nyt?</b> Onko joku satuttanut tai uhannut sinua?
safety-ask-deadline = Jos et vastaa { $minutes } minuutin sisällä, pyydän, että { $who } kysyy, miten voit.
safety-button-unsafe-crisis = 😟 En ole turvassa / mietin sitä
safety-button-unsafe-child_protection = 😟 En ole turvassa / joku satuttaa
safety-button-safe = 🙂 Olen turvassa
safety-answered-unsafe-crisis = Vastasit, ettet ole turvassa. Kiitos, että kerroit. 💛
safety-answered-unsafe-child_protection = Vastasit, ettet ole turvassa. Kiitos, että kerroit – et ole tehnyt mitään väärää. 💛
safety-answered-safe = Vastasit, että olet turvassa. ✓
safety-safe = Hyvä kuulla. 💛 Jos haluat jutella jonkun kanssa, kirjoita /jutellaan. Komennolla /apua näet, mistä saa apua mihin aikaan tahansa.

    Saako { $who } tietää, että sinulla on ollut raskasta? Hän ottaisi sinuun yhteyttä.
safety-button-share = ✅ Kyllä, saa kertoa
safety-button-keep = Ei tarvitse
safety-kept = Selvä, en kerro tästä kenellekään. Jos tilanne muuttuu, /jutellaan ja /apua toimivat aina.
safety-shared = Kiitos. { $who } saa tiedon ja ottaa sinuun yhteyttä.
safety-shared-nobody = Kiitos. Koulussasi ei ole nyt ketään, jolle voisin kertoa tästä. Komennolla /apua näet, mistä saa apua.
safety-safe-anon = Hyvä kuulla. Jos tarvitset apua, kirjoita /apua.
safety-late-safe = Kiitos vastauksesta – hyvä kuulla. En saanut vastausta ajoissa, joten pyysin jo, että joku koulun aikuinen kysyy, miten voit, kuten kerroin.
# Henkilökunnalle hälytyksessä näkyvä syy
r-safety-shared = Opiskelija kirjoitti jotain huolestuttavaa. Hän vastasi olevansa turvassa ja halusi, että saat tiedon.
r-safety-unanswered = Opiskelija kirjoitti jotain huolestuttavaa eikä vastannut kysymykseen, onko hän turvassa – kysy hänen vointiaan.

# Lastensuojelullinen hätä (väkivalta, seksuaalinen väkivalta, grooming, ei turvallista paikkaa
# nukkua): oma vastaus, ei itsetuhoisuuden vastausta.
risk-child-reply = { $name }, kiitos, että kerroit. Se, mitä sinulle on tapahtunut, ei ole sinun syytäsi – et ole tehnyt mitään väärää. 💛
risk-child-reply-anon = Kiitos, että kerroit. Se, mitä sinulle on tapahtunut, ei ole sinun syytäsi – et ole tehnyt mitään väärää. 💛
r-child-protection = Viitteitä siitä, ettei opiskelija ole turvassa (väkivalta, seksuaalinen väkivalta, kotona ei turvallista tai ei paikkaa nukkua) – ota yhteyttä heti.

# Kun kyselyn aikana tulee esiin kriisi: kysely päättyy tähän, ei iloista lopetusta.
checkin-close-after-crisis = Kiitos vastauksistasi, { $name }. Lopetetaan kysely tähän – nyt tärkeintä on, että saat tukea. Avun yhteystiedot ovat yllä, ja /apua näyttää ne uudelleen.
