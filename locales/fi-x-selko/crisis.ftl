# Kriisiyhteystiedot selkosuomeksi. Numerot ja nimet ovat samat kuin locales/fi/crisis.ftl:ssä
# (testi tarkistaa). Kun numero muuttuu, muuta se molempiin tiedostoihin.
crisis-checked = 5.12.2026

-mieli-line = { $case ->
    [illative] MIELI Kriisipuhelimeen
   *[nominative] MIELI Kriisipuhelin
}
-mieli-number = 09 2525 0111
-sekasin = Sekasin-chat
-sekasin-web = sekasin.fi
-nollalinja = { $case ->
    [illative] Nollalinjaan
   *[nominative] Nollalinja
}
-nollalinja-number = 080 005 005
-mll-line = MLL:n Lasten ja nuorten puhelin
-mll-number = 116 111
-mll-web = nuortennetti.fi
-boys-line = Poikien puhelin
-boys-number = 0800 94884

# Koko luettelo: /apua.
crisis-contacts =
    Onko sinulla nyt hätä? Onko sinun tosi paha olla? Et ole yksin. Näistä saat apua. Voit soittaa tai kirjoittaa.

    🆘 <b>112</b> – hätänumero. Soita, jos sinä tai joku muu on vaarassa nyt.
    📞 <b>{ -mieli-line } { -mieli-number }</b> – suomeksi. Auki aina, 24/7. Voit soittaa myös, jos mietit itsemurhaa.
    💬 <b>{ -sekasin }</b> – chat 12–29-vuotiaille. Sinun ei tarvitse kertoa nimeäsi. { -sekasin-web } (katso ajat sivulta).
    📞 <b>{ -mll-line } { -mll-number }</b> – ilmainen. Auki joka päivä. Chat: { -mll-web }
    📞 <b>{ -nollalinja } { -nollalinja-number }</b> – jos joku kotona tai seurustelussa on väkivaltainen sinulle tai uhkaa sinua väkivallalla. Ilmainen. Auki aina, 24/7.
    📞 <b>{ -boys-line } { -boys-number }</b> – pojille ja nuorille miehille, jotka ovat alle 20-vuotiaita. Ilmainen. Sinun ei tarvitse kertoa nimeäsi. Auki arkisin.

    Voit aina kertoa myös omavalmentajallesi. Tai toiselle aikuiselle, johon luotat.

# Kriisivastaus: vaara nyt → kriisipuhelin → älä jää yksin.
crisis-now =
    🆘 Oletko vaarassa nyt? Soita <b>112</b>.
    📞 <b>{ -mieli-line } { -mieli-number }</b> – auki aina. Voit soittaa heti. Voit soittaa myös, jos mietit itsemurhaa.
    💬 Onko kirjoittaminen helpompaa? <b>{ -sekasin }</b>, { -sekasin-web }.
    Älä ole nyt yksin. Mene jonkun luo. Tai soita ihmiselle, johon luotat.
crisis-more = Kun kirjoitat /apua, näet lisää paikkoja, joista saat apua.
crisis-local-heading = <b>Apua koulussa ja lähellä</b>
crisis-line-now = Tarvitsetko apua nyt? Soita <b>{ -mieli-line(case: "illative") } { -mieli-number }</b>. Se on auki aina. Jos olet vaarassa, soita <b>112</b>.
crisis-violence-line = 📞 <b>{ -nollalinja } { -nollalinja-number }</b> – jos joku kotona tai seurustelussa on väkivaltainen sinulle tai uhkaa sinua väkivallalla. Ilmainen. Auki aina.

# Väkivalta, seksuaalinen väkivalta, grooming, ei turvallista paikkaa olla.
child-contacts =
    🆘 Oletko vaarassa nyt? Eikö sinulla ole tänä yönä turvallista paikkaa? Soita <b>112</b>.
    📞 <b>{ -nollalinja } { -nollalinja-number }</b> – jos joku kotona tai seurustelussa on väkivaltainen sinulle tai uhkaa sinua väkivallalla. Ilmainen. Auki aina.
    📞 <b>{ -mll-line } { -mll-number }</b> – ilmainen. Auki joka päivä. Chat: { -mll-web }
    💬 <b>{ -sekasin }</b> – chat 12–29-vuotiaille. Sinun ei tarvitse kertoa nimeäsi. { -sekasin-web }

    Myös koulun kuraattori auttaa. Voit tavata hänet koulussa ja puhua hänen kanssaan.
child-line-now = Tarvitsetko apua nyt? Soita <b>{ -nollalinja(case: "illative") } { -nollalinja-number }</b>. Se on auki aina. Jos olet vaarassa, soita <b>112</b>. Soita 112 myös, jos sinulla ei ole turvallista paikkaa.
