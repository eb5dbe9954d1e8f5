# Checked against DESIGN.md on 2026-11-23 — verify numbers and hours before each term (they change).
# Kriskontakter: skickas genast när fritexten tyder på kris (DESIGN.md §5).
# Telefonnummer som vanlig text. Uppdatera också crisis-checked när du kontrollerar uppgifterna.

crisis-contacts =
    Om du är i nöd eller mår riktigt dåligt just nu är du inte ensam. Här får du hjälp – ring eller skriv:

    🆘 <b>112</b> – nödnumret, om du eller någon annan är i fara just nu.
    📞 <b>MIELI Kristelefonen på svenska 09 2525 0112</b> – öppen vissa tider. På finska dygnet runt (24/7): 09 2525 0111. Du kan också ringa om du har självmordstankar.
    📞 <b>MLL:s Barn- och ungdomstelefon 116 111</b> – avgiftsfri, varje dag. Chatt: nuortennetti.fi
    💬 <b>Sekasin-chatten</b> – anonym chatt för 12–29-åringar: sekasin.fi (kolla öppettiderna på sidan).
    📞 <b>Nollinjen 080 005 005</b> – om du utsätts för våld i en nära relation. Avgiftsfri, dygnet runt (24/7).
    📞 <b>Pojkarnas telefon 0800 94884</b> – för pojkar och unga män under 20 år. Avgiftsfri och anonym, vardagar.

    Du kan alltid också berätta för din coach eller för en annan vuxen som du litar på.
crisis-checked = 23.11.2026

# Kärnan i krissvaret (i kristjänstens ordning): fara nu → kristelefon → var inte ensam.
# Hela listan finns bakom /hjalp (crisis-contacts).
crisis-now =
    🆘 Om du är i fara just nu, ring <b>112</b>.
    📞 <b>MIELI Kristelefonen på svenska 09 2525 0112</b> (vissa tider) – på finska dygnet runt: 09 2525 0111. Du kan ringa genast, också om du tänker på självmord.
    💬 Om det är lättare att skriva: <b>Sekasin-chatten</b>, sekasin.fi.
    Var inte ensam nu: gå till någon eller ring någon som du litar på.
crisis-more = Fler ställen där du får hjälp ser du med /hjalp.
crisis-local-heading = <b>Hjälp i din skola och i närområdet</b>
