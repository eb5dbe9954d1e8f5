# Kriskontakter – en fil per språk (DESIGN.md §5). Alla hjälptjänsters namn och nummer finns här
# som termer (-namn); andra meddelanden (risk.ftl, safety.ftl …) hänvisar till termerna, så när
# ett nummer eller öppettider ändras räcker det att ändra den här filen.
# Kontrollera numren och tiderna före varje termin och uppdatera crisis-checked.
#
# Kontrollerat 5.12.2026 i offentliga källor (MIELI rf, MLL / nuortennetti.fi, Nollinjen / THL,
# Sekasin Kollektiivi, Befolkningsförbundet). På svenska skiljer sig linjerna från de finska:
# MIELI:s svenska kristelefon 09 2525 0112 har jour vissa tider (den finska 09 2525 0111 dygnet
# runt); MLL:s svenskspråkiga Barn- och ungdomstelefon har numret 0800 96 116 (116 111 är på
# finska); Nollinjen svarar på finska, svenska och engelska dygnet runt; Pojkarnas telefon är
# sedan maj 2024 tills vidare bara på finska. Öppettiderna ändras ofta: därför står det
# "dygnet runt" bara för dem som har jour hela tiden, för de andra "se tiderna på sidan".
crisis-checked = 5.12.2026

-mieli-line = MIELI:s Kristelefon på svenska
-mieli-number = 09 2525 0112
-mieli-line-fi = MIELI:s Kristelefon på finska
-mieli-number-fi = 09 2525 0111
-sekasin = Sekasin-chatten
-sekasin-web = sekasin.fi
-nollalinja = Nollinjen
-nollalinja-number = 080 005 005
-mll-line = MLL:s Barn- och ungdomstelefon på svenska
-mll-number = 0800 96 116
-mll-web = nuortennetti.fi/sv
-boys-line = Pojkarnas telefon
-boys-number = 0800 94884

# Hela listan: /hjalp (bot.ftl help).
crisis-contacts =
    Om du är i nöd eller mår riktigt dåligt just nu är du inte ensam. Här får du hjälp – ring eller skriv:

    🆘 <b>112</b> – nödnumret, om du eller någon annan är i fara just nu.
    📞 <b>{ -mieli-line } { -mieli-number }</b> – vissa tider (se mieli.fi). På finska dygnet runt: <b>{ -mieli-number-fi }</b>. Du kan också ringa om du har självmordstankar.
    💬 <b>{ -sekasin }</b> – anonym chatt för 12–29-åringar, också på svenska: { -sekasin-web } (se tiderna på sidan).
    📞 <b>{ -mll-line } { -mll-number }</b> – avgiftsfri, vissa tider (se { -mll-web }).
    📞 <b>{ -nollalinja } { -nollalinja-number }</b> – om du utsätts för våld eller hot om våld hemma eller i ett förhållande. På svenska, finska och engelska, avgiftsfri, dygnet runt (24/7).
    📞 <b>{ -boys-line } { -boys-number }</b> – för pojkar och unga män under 20 år. Avgiftsfri och anonym, vardagar – för närvarande bara på finska.

    Du kan alltid också berätta för din coach eller för en annan vuxen som du litar på.

# Kärnan i krissvaret (i kristjänstens ordning): fara nu → kristelefon → var inte ensam.
crisis-now =
    🆘 Om du är i fara just nu, ring <b>112</b>.
    📞 <b>{ -mieli-line-fi } { -mieli-number-fi }</b> har jour dygnet runt; <b>på svenska { -mieli-number }</b> vissa tider. Du kan ringa genast, också om du tänker på självmord.
    💬 Om det är lättare att skriva: <b>{ -sekasin }</b>, { -sekasin-web }.
    Var inte ensam nu: gå till någon eller ring någon som du litar på.
crisis-more = Fler ställen där du får hjälp ser du med /hjalp.
crisis-local-heading = <b>Hjälp i din skola och i närområdet</b>
# Kort påminnelse (utanför skoldagen, ett andra krismeddelande): öppet nu.
crisis-line-now = Om du behöver hjälp nu, ring <b>{ -mieli-line-fi } { -mieli-number-fi }</b> (dygnet runt) eller <b>{ -mieli-number }</b> på svenska (vissa tider). Om du är i fara, ring <b>112</b>.
# När meddelandet gäller både självmordstankar och våld: crisis-now och den här raden.
crisis-violence-line = 📞 <b>{ -nollalinja } { -nollalinja-number }</b> – våld eller hot om våld hemma eller i ett förhållande. Också på svenska, avgiftsfri, dygnet runt.

# Barnskydd (våld, sexuellt våld, grooming, ingen trygg plats att vara): inte självmordslistan.
child-contacts =
    🆘 Om du är i fara just nu eller inte har någon trygg plats att vara i natt, ring <b>112</b>.
    📞 <b>{ -nollalinja } { -nollalinja-number }</b> – våld eller hot om våld hemma eller i ett förhållande. Också på svenska, avgiftsfri, dygnet runt.
    📞 <b>{ -mll-line } { -mll-number }</b> – avgiftsfri, vissa tider (se { -mll-web }).
    💬 <b>{ -sekasin }</b> – anonym chatt för 12–29-åringar: { -sekasin-web }

    Skolkuratorn hjälper också – du kan prata med hen ansikte mot ansikte.
child-line-now = Om du behöver hjälp nu, ring <b>{ -nollalinja } { -nollalinja-number }</b> – de har jour dygnet runt, också på svenska. Om du är i fara eller inte har någon trygg plats att vara, ring <b>112</b>.
