# Kriisiyhteystiedot – yksi tiedosto kieltä kohti (DESIGN.md §5). Kaikkien auttavien tahojen
# nimet ja numerot ovat täällä termeinä (-nimi); muut viestit (risk.ftl, safety.ftl…) viittaavat
# termeihin, joten kun numero tai aukiolo muuttuu, riittää muuttaa tämä tiedosto.
# Tarkista numerot ja ajat ennen jokaista lukukautta ja päivitä crisis-checked.
#
# Tarkistettu 5.12.2026 julkisista lähteistä (MIELI ry, MLL / nuortennetti.fi, Nollalinja /
# THL, Sekasin Kollektiivi, Väestöliitto). Aukioloajat muuttuvat usein: siksi viesteissä on vain
# "auki aina" niille, jotka päivystävät ympäri vuorokauden (MIELI Kriisipuhelin suomeksi,
# Nollalinja), muille "katso ajat sivulta".
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

# Koko luettelo: /apua (bot.ftl help).
crisis-contacts =
    Jos sinulla on nyt hätä tai tosi paha olla, et ole yksin. Näistä saat apua – soita tai kirjoita:

    🆘 <b>112</b> – hätänumero, jos sinä tai joku muu on vaarassa juuri nyt.
    📞 <b>{ -mieli-line } { -mieli-number }</b> – suomeksi, auki aina (24/7). Voit soittaa myös, jos mietit itsemurhaa.
    💬 <b>{ -sekasin }</b> – nimetön chat 12–29-vuotiaille: { -sekasin-web } (katso ajat sivulta).
    📞 <b>{ -mll-line } { -mll-number }</b> – maksuton, joka päivä. Chat: { -mll-web }
    📞 <b>{ -nollalinja } { -nollalinja-number }</b> – jos kohtaat väkivaltaa tai sen uhkaa kotona tai seurustelussa. Maksuton, auki aina (24/7).
    📞 <b>{ -boys-line } { -boys-number }</b> – alle 20-vuotiaille pojille ja nuorille miehille. Maksuton ja nimetön, arkisin.

    Voit aina kertoa myös omavalmentajallesi tai muulle aikuiselle, johon luotat.

# Kriisivastauksen ydin (kriisityön järjestys): vaara nyt → kriisipuhelin → älä jää yksin.
crisis-now =
    🆘 Jos olet vaarassa juuri nyt, soita <b>112</b>.
    📞 <b>{ -mieli-line } { -mieli-number }</b> – päivystää aina. Voit soittaa heti, myös jos mietit itsemurhaa.
    💬 Jos kirjoittaminen on helpompaa: <b>{ -sekasin }</b>, { -sekasin-web }.
    Älä jää nyt yksin: mene jonkun luo tai soita jollekulle, johon luotat.
crisis-more = Lisää auttavia tahoja näet komennolla /apua.
crisis-local-heading = <b>Koulusi ja lähialueen apu</b>
# Lyhyt muistutus (koulupäivän ulkopuolella, toinen kriisiviesti): auki nyt.
crisis-line-now = Jos tarvitset apua nyt, soita <b>{ -mieli-line(case: "illative") } { -mieli-number }</b> – se päivystää aina. Jos olet vaarassa, soita <b>112</b>.
# Kun viestissä on sekä itsetuhoisuutta että väkivaltaa: crisis-now ja tämä rivi.
crisis-violence-line = 📞 <b>{ -nollalinja } { -nollalinja-number }</b> – väkivalta tai sen uhka kotona tai seurustelussa. Maksuton, auki aina.

# Lastensuojelullinen hätä (väkivalta, seksuaalinen väkivalta, grooming, ei turvallista paikkaa
# olla): ei itsetuhoisuuden luetteloa, vaan nämä.
child-contacts =
    🆘 Jos olet vaarassa juuri nyt tai sinulla ei ole tänä yönä turvallista paikkaa olla, soita <b>112</b>.
    📞 <b>{ -nollalinja } { -nollalinja-number }</b> – väkivalta tai sen uhka kotona tai seurustelussa. Maksuton, auki aina.
    📞 <b>{ -mll-line } { -mll-number }</b> – maksuton, joka päivä. Chat: { -mll-web }
    💬 <b>{ -sekasin }</b> – nimetön chat 12–29-vuotiaille: { -sekasin-web }

    Koulusi kuraattori auttaa myös – voit puhua hänen kanssaan kasvokkain.
child-line-now = Jos tarvitset apua nyt, soita <b>{ -nollalinja(case: "illative") } { -nollalinja-number }</b> – se päivystää aina. Jos olet vaarassa tai sinulla ei ole turvallista paikkaa olla, soita <b>112</b>.
