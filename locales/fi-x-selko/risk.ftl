### Huolet ja kriisi selkosuomeksi: vain se, minkä opiskelija näkee. Hälytykset, napit ja
### koosteet valmentajalle ovat tavallisella suomella (fi/risk.ftl; bot/i18n.py, STAFF_ONLY).

risk-weekday = Viikonpäivä
    .d0 = maanantaina
    .d1 = tiistaina
    .d2 = keskiviikkona
    .d3 = torstaina
    .d4 = perjantaina
    .d5 = lauantaina
    .d6 = sunnuntaina
risk-when = { $day } { $date } kello { $hh }.{ $mm }

## Syyt, joita kyselyt eivät määrittele. Opiskelija näkee ne: /omat_tiedot.

risk-r-talk = Opiskelija pyysi itse juttelua (/jutellaan)
risk-r-coach = Valmentaja aloitti asian, kun hän kirjoitti muistiin yhteydenoton
risk-r-review-note = Viestissä oli sana, joka liittyy kriisiin. Mutta opiskelija kirjoitti, että näin ei ole. Lue viesti. Mieti, kysytkö, mitä hänelle kuuluu.
risk-share-review-note = Omavalmentaja { $coach } näkee viikon tiedoista, mitä kirjoitit lopuksi. Näin hän voi kysyä, mitä sinulle kuuluu, jos se on tarpeen.

## Kriisi: vastaus opiskelijalle heti

risk-crisis-reply = { $name }, kiitos, että kerroit tämän minulle. 💛
risk-crisis-reply-anon = Kiitos, että kerroit tämän minulle. 💛
risk-crisis-told = <b>Kerron tästä heti eteenpäin:</b> { $who } saa viestin. Kerron sinulle, kun joku on nähnyt viestin. Silloin hän ottaa sinuun yhteyttä.
risk-crisis-after-hours = Koulupäivä on nyt ohi tai ei ole vielä alkanut. Siksi { $who } ei ehkä näe viestiä ennen seuraavaa koulupäivää. Seuraava koulupäivä alkaa { $when }.
risk-crisis-on-call = Koululla on päivystäjä. Hän hoitaa kiireisiä asioita, kun koulupäivä on ohi. Kerron tästä nyt myös hänelle: { $name }.
risk-crisis-service = Koulun päivystys, kun koulupäivä on ohi: <b>{ $service }</b>.
risk-crisis-again = Luin viestisi. Kerron senkin eteenpäin.
risk-who-coach = omavalmentaja { $name }
risk-who-school = koulun henkilökunta
risk-who-welfare = koulun kuraattori { $name }
risk-who-coordinator = koulun koordinaattori { $name }
risk-crisis-told-also = Viestin saa myös { $who }. Hän auttaa tällaisissa asioissa.

## Opiskelijalle, kun valmentaja on nähnyt viestin

risk-student-ack = { $name } näki, mitä kerroit. Hän ottaa sinuun yhteyttä. 💬
risk-student-ack-other = { $name } on koulun aikuinen. Hän näki, mitä kerroit. Hän ottaa sinuun yhteyttä omavalmentajasi puolesta. 💬
risk-student-ack-silence = Hei { $student }! { $name } ottaa sinuun pian yhteyttä. Hän kysyy, mitä sinulle kuuluu. 🙂
risk-student-handover = Nyt { $name } hoitaa asiaasi. Hän ottaa sinuun yhteyttä. Haluatko jutella? Kirjoita /jutellaan milloin vain.

## /jutellaan

risk-talk-ask = Kiva, että haluat jutella! 😊 Miten haluat, että { $who } ottaa sinuun yhteyttä?
risk-talk-channel = Tapa
    .kasvokkain = 🤝 Tavataan koulussa
    .puhelu = 📞 Puhelimessa
    .viesti = 💬 Viestillä
risk-talk-how = Tapa
    .kasvokkain = kasvokkain
    .puhelu = puhelimessa
    .viesti = viestillä
risk-talk-told = Selvä! Kerron tämän: { $who } saa tiedon, että haluat jutella { $how }. Hän ottaa sinuun yhteyttä.
risk-talk-cancelled = Selvä. En lähettänyt mitään. Voit pyytää juttelua milloin vain: /jutellaan
risk-talk-done = Valitsit: { $how } ✓

## Napit, jotka opiskelija näkee

