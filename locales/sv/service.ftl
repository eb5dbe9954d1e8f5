# När tjänsten inte fungerar som vanligt: fel vid sparande, för täta meddelanden.

storage-down =
    Jag fick ditt meddelande, men just nu kan jag inte spara något på grund av ett tekniskt fel. Jag behandlar ditt meddelande så fort felet är åtgärdat – du behöver inte skriva det igen. Tills dess ser ingen i skolan ditt meddelande.

    Om du behöver hjälp nu: ring 112 i nödsituationer. { -mieli-line-fi } { -mieli-number-fi } har jour dygnet runt; { -mieli-line } { -mieli-number } vissa tider.
storage-recovered-coordinator =
    ⚠️ <b>Kohtaamo kunde inte spara uppgifter { $from }–{ $to }</b> (disken full eller inga skrivrättigheter).

    Alla som skrev under tiden fick ett meddelande om det direkt. Meddelanden som kom då behandlas nu. Kontrollera serverns diskutrymme och loggar så att det inte händer igen.
rate-limited =
    Nu kommer det meddelanden väldigt tätt, så jag hinner inte svara på alla. Vänta en stund och skriv sedan igen.

    Om du är i nöd, ring 112, { -mieli-line-fi } { -mieli-number-fi } (dygnet runt) eller { -mieli-line } { -mieli-number } (vissa tider).
