# Lotse – deutsche Texte. Jeder Schlüssel steht auch in en.ftl.

## Felder
field-personnel-number = Personalnummer
field-first-name = Vorname
field-last-name = Nachname
field-email = E-Mail
field-job-title = Stellenbezeichnung
field-department = Organisationseinheit
field-entry-date = Eintrittsdatum
field-exit-date = Austrittsdatum
field-department-code = Kürzel
field-department-name = Bezeichnung
field-parent-department = Übergeordnete Einheit
field-salutation = Anrede

salutation-female = Frau
salutation-male = Herr
salutation-neutral = Divers / keine Angabe

## Prüfungen
invalid-empty = „{ $field }“ darf nicht leer sein.
invalid-too-long = „{ $field }“ darf höchstens { $max } Zeichen lang sein.
invalid-email = Die E-Mail-Adresse sieht nicht gültig aus (Beispiel: name@stadt.de).
invalid-exit-before-entry = Das Austrittsdatum liegt vor dem Eintrittsdatum.
invalid-duplicate-personnel-number = Die Personalnummer { $number } ist bereits vergeben.
invalid-duplicate-department-code = Das Kürzel { $code } ist bereits vergeben.
invalid-department-cycle = Eine Organisationseinheit kann nicht unter sich selbst oder einer ihrer Untereinheiten eingeordnet werden.
invalid-unknown-department = Die Organisationseinheit „{ $code }“ gibt es nicht.
invalid-inactive-department = Die Organisationseinheit „{ $code }“ ist deaktiviert.
department-still-in-use = „{ $code }“ kann nicht deaktiviert werden: Sie hat noch { $employees } aktive Beschäftigte und { $units } aktive Untereinheiten. Ordnen Sie diese zuerst um.

## Fehler
error-not-found = Nicht gefunden: { $what }
error-not-lotse-file = Die Datei { $path } ist keine Lotse-Datenbank. Sie wurde nicht verändert. Wählen Sie eine andere Datei mit --db.
error-too-new = Die Datei { $path } stammt von einer neueren Lotse-Version (Schema { $found }, diese Version kennt { $supported }). Sie wurde nicht verändert. Bitte aktualisieren Sie Lotse.
error-busy = Die Datenbank wird gerade von einem anderen Programm benutzt. Bitte versuchen Sie es gleich noch einmal.
error-corrupt = Die Datenbankdatei ist beschädigt. Spielen Sie eine Sicherung ein.
error-database = Datenbankfehler: { $detail }
error-file = Die Datei { $path } konnte nicht gelesen oder geschrieben werden: { $detail }
error-cancelled = Abgebrochen.

## Kommandozeile
cli-about = Lotse – Fortbildungen, Zertifizierungsprogramme und Urkunden für die Verwaltung. Ohne Befehl startet die Desktop-Anwendung.
cli-demo-about = Füllt eine leere Datenbank mit einer Beispielverwaltung.
cli-import-about = Importiert eine Tabelle (CSV oder XLSX).
cli-import-employees-about = Importiert die Personalliste (CSV oder XLSX); gleicht über die Personalnummer ab.
cli-employees-about = Beschäftigte.
cli-employees-list-about = Listet die Beschäftigten auf.
cli-departments-about = Organisationseinheiten.
cli-departments-list-about = Listet die Organisationseinheiten auf.
cli-arg-db = Die Datenbankdatei (Standard: lotse.sqlite im Datenverzeichnis des Benutzers; auch über LOTSE_DB).
cli-arg-lang = Sprache der Meldungen und Ausgaben (de oder en).
cli-arg-employees = Anzahl der Beschäftigten.
cli-arg-seed = Startwert: Derselbe Wert ergibt dieselbe Verwaltung.
cli-arg-file = Die Datei (CSV oder XLSX).
cli-arg-dry-run = Nur zeigen, was sich ändern würde; nichts speichern.
cli-arg-create-departments = Organisationseinheiten, die es noch nicht gibt, anlegen.
cli-arg-department = Nur diese Organisationseinheit (Kürzel) mit ihren Untereinheiten.
cli-arg-all = Auch ausgeschiedene Beschäftigte zeigen.
cli-arg-format = Ausgabeformat: table, csv oder json.
cli-error = Fehler
cli-no-data-dir = Kein Datenverzeichnis gefunden. Geben Sie die Datenbank mit --db PFAD oder LOTSE_DB an.
cli-import-rejected = Nichts wurde gespeichert, weil Zeilen abgelehnt wurden. Bitte korrigieren Sie die Datei.
cli-dry-run = Probelauf: Nichts wurde gespeichert.
cli-active = Aktiv
cli-employees = Beschäftigte
cli-yes = ja
cli-no = nein
cli-row-count = { $count ->
    [one] 1 Zeile
   *[other] { $count } Zeilen
}
