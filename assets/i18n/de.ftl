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

## Import der Personalliste
import-unsupported-format = „{ $file }“ kann nicht importiert werden. Erwartet wird eine CSV-Datei (.csv, .txt, .tsv) oder eine Arbeitsmappe (.xlsx, .xlsm, .xls, .ods).
import-empty-file = Die Datei ist leer: Sie enthält keine Überschriftenzeile.
import-csv-unreadable = Die CSV-Datei kann ab Zeile { $line } nicht gelesen werden: { $detail }
import-workbook-unreadable = Die Arbeitsmappe kann nicht gelesen werden. Ist sie beschädigt oder mit einem Kennwort geschützt? ({ $detail })
import-delimiter-tab = Tabulator
import-source-csv = CSV, { $encoding }, Trennzeichen „{ $delimiter }“
import-source-workbook = Arbeitsblatt „{ $sheet }“
import-missing-columns = In der Überschriftenzeile (Zeile { $line }) fehlen Pflichtspalten: { $columns }. Gefunden wurden: { $found }. Benennen Sie die Spalten z. B. „Personalnummer“, „Nachname“ und „Vorname“.
import-duplicate-column = Die Spalte „{ $column }“ kommt zweimal vor: „{ $first }“ und „{ $second }“. Bitte löschen Sie eine davon oder benennen Sie sie um.
import-invalid-date = Ungültiges Datum „{ $value }“ in { $column } (erwartet: TT.MM.JJJJ oder JJJJ-MM-TT).
import-duplicate-in-file = Die Personalnummer { $number } kommt mehrfach in der Datei vor (Zeilen { $lines }).
import-unknown-salutation = Unbekannte Anrede „{ $value }“ (erwartet: Frau, Herr, divers oder leer).
import-ambiguous-department = Mehrere Organisationseinheiten heißen „{ $value }“. Bitte tragen Sie das Kürzel ein.
import-line = Zeile { $line }: { $text }
import-empty-value = (leer)
import-quoted = „{ $text }“
import-department-label = { $name } ({ $code })
import-new-department = { $name } (neu)
import-change = { $field } „{ $old }“ → „{ $new }“
import-added-row = Zeile { $line }: { $number } { $name }
import-changed-row = Zeile { $line }: { $number } { $name } – { $changes }
import-preview-file = Datei „{ $file }“ ({ $source }): { $rows ->
    [one] 1 Datenzeile
   *[other] { $rows } Datenzeilen
}.
import-ignored-columns = Nicht übernommene Spalten: { $columns }
import-counts = Neu: { $added } · geändert: { $changed } · unverändert: { $unchanged } · abgelehnt: { $rejected }
import-section-added = Neu anzulegen:
import-section-changed = Zu ändern:
import-section-rejected = Abgelehnte Zeilen (solange eine Zeile abgelehnt wird, wird nichts importiert):
import-unknown-departments = Diese Organisationseinheiten gibt es nicht: { $names }. Sie können beim Import angelegt werden („Fehlende Organisationseinheiten anlegen“, Kommandozeile: --create-departments).
import-new-departments = Neu anzulegende Organisationseinheiten: { $names }
import-no-rows = Die Datei enthält keine Datenzeilen.
import-done = Import abgeschlossen: { $added } neu, { $changed } geändert, { $unchanged } unverändert, { $departments ->
    [one] 1 Organisationseinheit
   *[other] { $departments } Organisationseinheiten
} angelegt.
import-commit-refused = Der Import wurde nicht ausgeführt, nichts wurde gespeichert: { $count ->
    [one] Eine Zeile wird
   *[other] { $count } Zeilen werden
} abgelehnt.
import-more-rejected = … und { $count } weitere.

## Desktop-Anwendung (app-)
app-start-failed = Das Programmfenster konnte nicht geöffnet werden: { $detail }
app-worker-gone = Die Hintergrundverarbeitung wurde unerwartet beendet. Bitte starten Sie Lotse neu; gespeicherte Daten sind nicht betroffen.
app-loading = Daten werden geladen …
app-reload = Aktualisieren
app-in-memory = Datenbank im Arbeitsspeicher
app-dismiss = Meldung schließen
app-save = Speichern
app-close = Schließen
app-cancel = Abbrechen
app-cancelling = Wird abgebrochen …
app-date-hint = TT.MM.JJJJ
app-invalid-date = „{ $text }“ ist kein gültiges Datum. Bitte als TT.MM.JJJJ eingeben, z. B. 01.04.2024.
app-nav-section-overview = Überblick
app-nav-section-staff = Personal
app-nav-section-training = Qualifizierung
app-nav-section-analysis = Auswertung
app-nav-dashboard = Startseite
app-nav-employees = Beschäftigte
app-nav-departments = Organisationseinheiten
app-nav-seminars = Seminare & Termine
app-nav-programs = Programme
app-nav-certificates = Urkunden
app-nav-reports = Berichte
app-nav-settings = Einstellungen
app-later = Dieser Bereich folgt in einer späteren Version: { $what }
app-later-hint = Beschäftigte und Organisationseinheiten können Sie schon jetzt vollständig verwalten.
app-plan-dashboard = Die Startseite zeigt auf einen Blick, welche Urkunden bald ablaufen, wer die Voraussetzungen erfüllt und noch keine Urkunde hat, die nächsten Termine und den Stand je Organisationseinheit.
app-plan-seminars = Hier pflegen Sie den Seminarkatalog und die einzelnen Termine und erfassen die Teilnahme, auch für ganze Teilnehmerlisten auf einmal.
app-plan-programs = Hier legen Sie Zertifizierungsprogramme wie „Digitallotse/Digitallotsin“ mit ihren Anforderungen an, sehen, wer sie erfüllt, und stellen Urkunden gesammelt aus.
app-plan-certificates = Hier finden Sie alle ausgestellten Urkunden, drucken sie erneut, berichtigen oder widerrufen sie und prüfen Prüfcodes.
app-plan-reports = Hier werten Sie die Abdeckung je Organisationseinheit und die Qualifizierungsmatrix aus und exportieren sie als Tabelle oder PDF.
app-employees-title = Beschäftigte
app-employees-count = { $shown } angezeigt · { $active } aktiv
app-employee-add = + Person anlegen
app-employee-add-hint = Eine neue Beschäftigte oder einen neuen Beschäftigten erfassen
app-import = Importieren …
app-import-hint = Die Personalliste aus einer CSV- oder Excel-Datei (XLSX) übernehmen
app-search = Suche
app-search-hint = Name, Personalnr., Einheit
app-search-clear = Suche leeren
app-all-departments = Alle Organisationseinheiten
app-show-leavers = Ausgeschiedene anzeigen
app-sort-hint = Zum Sortieren klicken
app-col-personnel-number = Personalnr.
app-col-entry = Eintritt
app-col-exit = Austritt
app-employees-none-yet = Noch keine Beschäftigten erfasst. Legen Sie die erste Person an oder importieren Sie die Personalliste.
app-employees-none-found = Niemand passt zu Suche und Filter.
app-employee-new-title = Neue Person
app-no-department = – keine –
app-employee-added = „{ $name }“ wurde angelegt.
app-employee-saved = Änderungen an „{ $name }“ wurden gespeichert.
app-employee-marked-left = „{ $name }“ ist als ausgeschieden vermerkt.
app-employee-reinstated = „{ $name }“ ist wieder aktiv.
app-employee-has-left = Ausgeschieden am { $date }
app-employee-leaves-on = Scheidet aus am { $date }
app-employee-leave-title = Austritt
app-employee-leave-on = Ausgeschieden zum
app-employee-mark-left = Als ausgeschieden markieren
app-employee-reinstate = Wieder aktiv
app-employee-history-title = Seminare, Programme und Urkunden
app-employee-history-later = Besuchte Seminare, der Fortschritt in Zertifizierungsprogrammen und die Urkunden dieser Person erscheinen hier in einer späteren Version.
app-departments-title = Organisationseinheiten
app-departments-count = { $active } aktiv
app-department-add = + Neue Einheit
app-department-add-sub = + Neue Untereinheit
app-department-add-sub-hint = Eine Einheit unterhalb von { $code } anlegen
app-hide-inactive = Deaktivierte ausblenden
app-expand-all = Alle aufklappen
app-collapse-all = Alle zuklappen
app-expand = Aufklappen
app-collapse = Zuklappen
app-col-employees = Beschäftigte
app-col-employees-total = mit Untereinheiten
app-col-status = Status
app-status-active = aktiv
app-status-inactive = deaktiviert
app-departments-none-yet = Noch keine Organisationseinheiten. Legen Sie die erste an, z. B. ein Dezernat oder ein Amt.
app-department-new-title = Neue Organisationseinheit
app-no-parent = – keine (oberste Ebene) –
app-department-added = Die Organisationseinheit { $code } wurde angelegt.
app-department-saved = Änderungen an { $code } wurden gespeichert.
app-department-deactivated = { $code } wurde deaktiviert.
app-department-activated = { $code } ist wieder aktiv.
app-department-counts = Aktive Beschäftigte: { $own } direkt, { $total } mit Untereinheiten
app-department-show-employees = Beschäftigte anzeigen
app-department-is-active = Diese Einheit ist aktiv.
app-department-is-inactive = Diese Einheit ist deaktiviert. Sie bleibt in der Historie erhalten.
app-department-deactivate = Deaktivieren
app-department-activate = Reaktivieren
app-department-deactivate-hint = Nur möglich, wenn ihr keine aktiven Beschäftigten und keine aktiven Untereinheiten mehr zugeordnet sind.
app-settings-title = Einstellungen
app-settings-language = Sprache
app-settings-language-label = Sprache der Oberfläche
app-settings-organisation = Organisation
app-settings-organisation-name = Name der Organisation
app-settings-organisation-hint = z. B. Stadt Musterstadt
app-settings-place = Ort
app-settings-place-hint = z. B. Musterstadt
app-settings-saved = Die Einstellungen wurden gespeichert.
app-settings-later = Logo, Unterzeichnende und Urkundentexte folgen mit den Urkunden.
app-settings-database = Datenbank
app-settings-database-file = Datenbankdatei
app-settings-database-hint = Eine andere Datei öffnen Sie mit „lotse --db PFAD“ oder der Umgebungsvariablen LOTSE_DB. Sicherungen folgen in einer späteren Version.
app-welcome-title = Willkommen bei Lotse
app-welcome-intro = Lotse verwaltet Beschäftigte, Fortbildungen, Zertifizierungsprogramme und Urkunden Ihrer Verwaltung. Die Datenbank ist noch leer.
app-welcome-demo-title = Beispielverwaltung laden
app-welcome-demo-text = Eine erfundene Stadtverwaltung mit Ämtern, Beschäftigten, Seminaren und Urkunden – zum Ausprobieren und Kennenlernen.
app-welcome-demo-employees = Anzahl Beschäftigte
app-welcome-demo-load = Beispielverwaltung laden
app-welcome-empty-title = Leer beginnen
app-welcome-empty-text = Legen Sie Organisationseinheiten und Beschäftigte selbst an oder importieren Sie die Personalliste.
app-welcome-empty-start = Leer beginnen
app-demo-done = Die Beispielverwaltung wurde geladen.
app-demo-cancelled = Das Laden der Beispielverwaltung wurde abgebrochen.
app-import-dialog-title = Personalliste importieren
app-import-filter = Tabellen (CSV, XLSX)
app-import-title = Import: { $file }
app-import-reading = Die Datei wird gelesen …
app-import-committing = Wird übernommen …
app-import-create-departments = fehlende Organisationseinheiten anlegen
app-import-blocked = Übernehmen ist erst möglich, wenn keine Zeile mehr abgelehnt wird. Korrigieren Sie die Datei und lesen Sie sie erneut ein.
app-import-commit = Übernehmen
app-import-done = Der Import wurde übernommen.
app-load-failed = Die Daten konnten nicht geladen werden
app-database-name = Datenbank: { $name }
app-import-change = { $field }: „{ $old }“ wird zu „{ $new }“
app-reload-hint = Die Daten neu aus der Datenbank lesen, z. B. nach einem Import über die Kommandozeile
app-import-added = Neu
app-import-changed = Geändert
app-import-unchanged = Unverändert
app-import-rejected = Abgelehnt
app-import-col-line = Zeile
app-import-col-name = Name
app-import-col-changes = Änderungen
app-import-col-reason = Grund
app-import-none-rejected = Keine Zeile wird abgelehnt.
app-import-none-added = Niemand wird neu angelegt.
app-import-none-changed = Niemand wird geändert.
app-import-unknown = Diese Organisationseinheiten gibt es noch nicht: { $names }

## Berechtigung (Anforderungen eines Programms)
elig-seminar-done = Pflichtseminar „{ $seminar }“ besucht am { $date }
elig-seminar-open = Pflichtseminar „{ $seminar }“ fehlt
elig-n-of = { $done } von { $needed } Seminaren aus: { $seminars }
elig-hours = { $hours } von { $needed } Std. in „{ $topic }“
elig-prerequisite-until = Zertifikat „{ $program }“ gültig bis { $date }
elig-prerequisite-held = Zertifikat „{ $program }“ vorhanden
elig-prerequisite-open = Gültiges Zertifikat „{ $program }“ fehlt
elig-left = Ausgeschieden – nicht berechtigt
elig-no-requirements = Für dieses Programm sind keine Anforderungen festgelegt.

## Beispieldaten (demo-)
demo-summary = Beispielverwaltung angelegt: { $departments } Organisationseinheiten, { $employees_n ->
        [one] { $employees } Beschäftigte:r
       *[other] { $employees } Beschäftigte
    }, { $seminars } Seminare, { $sessions } Termine, { $attendance_n ->
        [one] { $attendance } Teilnahme
       *[other] { $attendance } Teilnahmen
    }, { $programs } Programme.
demo-not-empty = Die Beispielverwaltung kann nur in eine leere Datenbank geladen werden. Diese Datenbank enthält bereits Daten (Organisationseinheiten: { $departments }, Beschäftigte: { $employees }, Seminare: { $seminars }, Programme: { $programs }); es wurde nichts verändert. Legen Sie für die Beispieldaten eine neue Datenbankdatei an (zum Beispiel mit --db beispiel.sqlite).
demo-progress = Beispielverwaltung wird angelegt …

## Zertifikate ausstellen, berichtigen, widerrufen, prüfen
certs-none-selected = Es ist kein Zertifikat ausgewählt.
certs-program-archived = Das Programm { $program } ist archiviert; dafür werden keine Zertifikate mehr ausgestellt.
certs-already-certified = hat bereits ein gültiges Zertifikat dieses Programms
certs-not-eligible = erfüllt die Anforderungen am Ausstellungsdatum nicht
certs-issue-refused = Es wurde kein Zertifikat ausgestellt, weil nicht alle Ausgewählten berechtigt sind:
certs-reason-required = Bitte geben Sie einen Grund an.
certs-not-correctable = Das Zertifikat { $serial } wurde bereits ersetzt oder widerrufen und kann nicht mehr berichtigt werden.
certs-already-revoked = Das Zertifikat { $serial } ist bereits widerrufen.
certs-revoke-before-issue = Der Widerruf kann nicht vor dem Ausstellungsdatum liegen.
certs-unknown-serial = Ein Zertifikat mit der Nummer { $serial } gibt es nicht.
verify-valid = Gültig – echtes Zertifikat
verify-expiring = Gültig – läuft in den nächsten 90 Tagen ab
verify-expired = Abgelaufen
verify-revoked = Widerrufen
verify-superseded = Ersetzt durch eine berichtigte Fassung
verify-not-yet-issued = Noch nicht ausgestellt
verify-altered = Ungültig – die gespeicherten Angaben passen nicht mehr zum Prüfcode
verify-unknown = Unbekannt – zu diesem Prüfcode gibt es kein Zertifikat

## Urkunden-PDF (src/certificate)
cert-heading = Urkunde
cert-default-wording = hat an den unten aufgeführten Fortbildungen erfolgreich teilgenommen, die Anforderungen der Qualifizierung erfüllt und erhält die Bezeichnung
cert-seminars-heading = Absolvierte Fortbildungen
cert-hours = { $hours } Std.
cert-total = Insgesamt { $hours } Stunden
cert-valid-until = gültig bis { $date }
cert-place-date = { $place }, { $date }
cert-place-date-caption = Ort, Datum
cert-serial = Urkunden-Nr. { $serial }
cert-code = Prüfcode: { $code }
cert-verify = Echtheit prüfen: lotse verify { $code }
cert-more-seminars = { $count ->
    [one] … sowie eine weitere Fortbildung
   *[other] … sowie { $count } weitere Fortbildungen
}
cert-document-title = Urkunde { $serial }
cert-document-title-batch = Urkunden ({ $count })
cert-error-nothing = Es wurde keine Urkunde zum Drucken ausgewählt.
cert-error-font = Die Schriftarten für Urkunden fehlen in diesem Programm. Bitte installieren Sie Lotse neu.
cert-error-logo-format = Das Logo muss eine PNG- oder JPEG-Datei sein.
cert-error-logo-size = Das Logo ist zu groß. Bitte wählen Sie eine Datei unter 15 MB und höchstens 50 Megapixel.
cert-error-logo-damaged = Das Logo lässt sich nicht lesen ({ $detail }). Bitte speichern Sie es neu als PNG oder JPEG und wählen Sie es erneut.
cert-error-snapshot = Die gespeicherten Angaben der Urkunde sind beschädigt ({ $detail }).
cert-error-write = Das PDF konnte nicht erzeugt werden ({ $detail }).

## Kommandozeile: Programme und Zertifikate
cli-programs-about = Zertifizierungsprogramme.
cli-programs-list-about = Listet die Programme mit ihren Anforderungen auf.
cli-eligible-about = Zeigt, wer die Anforderungen eines Programms erfüllt (ohne --all: wer ein Zertifikat bekommen kann, aber noch keines hat).
cli-issue-about = Stellt Zertifikate aus.
cli-certificates-about = Ausgestellte Zertifikate.
cli-certificates-list-about = Listet die ausgestellten Zertifikate auf.
cli-print-about = Druckt Zertifikate als PDF: in eine Datei (eine Seite je Zertifikat) oder in einen Ordner (eine Datei je Zertifikat).
cli-verify-about = Prüft den Prüfcode eines Zertifikats. Exit-Code 0 nur für ein echtes, gültiges Zertifikat.
cli-arg-program = Das Programm (Kürzel, z. B. DL).
cli-arg-as-of = Stichtag (JJJJ-MM-TT oder TT.MM.JJJJ; Standard: heute).
cli-eligible-arg-all = Alle aktiven Beschäftigten mit ihrem Fortschritt zeigen, nicht nur die, die ein Zertifikat bekommen können.
cli-arg-employee = Personalnummern der Beschäftigten.
cli-arg-all-eligible = Alle, die berechtigt sind und noch kein gültiges Zertifikat des Programms haben.
cli-arg-date = Ausstellungsdatum (Standard: heute).
cli-arg-signatory-name = Unterzeichnende Person für diesen Stapel (Standard: aus den Einstellungen).
cli-arg-signatory-title = Funktion der unterzeichnenden Person für diesen Stapel.
cli-arg-serials = Zertifikatsnummern (z. B. DL-2026-0007).
cli-print-arg-all = Alle derzeit gültigen Zertifikate.
cli-arg-output = Eine .pdf-Datei (eine Seite je Zertifikat) oder ein Ordner (eine PDF je Zertifikat).
cli-arg-landscape = A4 quer statt hoch.
cli-arg-code = Der Prüfcode wie gedruckt (z. B. K7QM-3XHP-9TRD) oder der Text des QR-Codes.
cli-unknown-program = Ein Programm mit dem Kürzel „{ $code }“ gibt es nicht.
cli-unknown-employee = Eine beschäftigte Person mit der Personalnummer { $number } gibt es nicht.
cli-bad-date = „{ $value }“ ist kein Datum. Schreiben Sie z. B. 21.11.2026 oder 2026-11-21.
cli-code = Kürzel
cli-title = Bezeichnung
cli-validity = Gültigkeit
cli-requirements = Anforderungen
cli-months = { $months } Monate
cli-no-expiry = unbefristet
cli-certified = zertifiziert
cli-eligible = berechtigt
cli-progress = { $met } von { $total } Anforderungen erfüllt
cli-name = Name
cli-program = Programm
cli-status = Status
cli-missing = Es fehlt
cli-nobody-due = Niemand ist berechtigt, der noch kein gültiges Zertifikat hat. Es wurde nichts ausgestellt.
cli-issued = { $count ->
    [one] 1 Zertifikat ausgestellt.
   *[other] { $count } Zertifikate ausgestellt.
}
cli-serial = Nummer
cli-issued-on = Ausgestellt am
cli-valid-until = Gültig bis
cli-code-label = Prüfcode
cli-cert-status-valid = gültig
cli-cert-status-expired = abgelaufen
cli-cert-status-revoked = widerrufen
cli-cert-status-superseded = ersetzt
cli-cert-status-not_yet_issued = noch nicht ausgestellt
cli-printed = { $files ->
    [one] { $count ->
        [one] 1 Zertifikat gedruckt: { $path }
       *[other] { $count } Zertifikate gedruckt: { $path }
    }
   *[other] { $count } Zertifikate gedruckt, je eine Datei in { $path }
}
cli-organisation = Organisation
cli-place = Ort
cli-signatory = Unterzeichnet von
cli-total-hours = Stunden gesamt
cli-seminar = Seminar
cli-revoked-on = Widerrufen am
cli-superseded-by = Ersetzt durch

## Programme: Felder und Prüfungen
field-program-code = Kürzel des Programms
field-serial-prefix = Präfix der Zertifikatsnummer
field-title-de-male = Bezeichnung (männlich)
field-title-de-female = Bezeichnung (weiblich)
field-title-de-neutral = Bezeichnung (neutral)
field-title-en = Bezeichnung (englisch)
field-validity-months = Gültigkeit in Monaten
field-requirements = Anforderungen
invalid-duplicate-program-code = Das Programmkürzel { $code } ist bereits vergeben.
invalid-serial-prefix = Das Präfix der Zertifikatsnummer besteht aus 1 bis 8 Großbuchstaben oder Ziffern, z. B. DL.
invalid-validity = Die Gültigkeit liegt zwischen 1 und 600 Monaten (leer = unbefristet).
invalid-no-requirements = Ein Programm braucht mindestens eine Anforderung.
invalid-count-out-of-range = „Mindestens { $n } von …“ passt nicht zu { $of } aufgeführten Seminaren.
invalid-hours-requirement = Eine Stundenanforderung braucht ein Thema und mehr als 0 Stunden.
invalid-unknown-seminar = Das Seminar { $code } gibt es nicht.
invalid-unknown-program = Das Programm { $code } gibt es nicht.
invalid-prerequisite-cycle = Ein Programm kann nicht – auch nicht über andere Programme – sich selbst voraussetzen.

## Import von Teilnahmelisten (impatt-)
cli-import-attendance-about = Importiert die Teilnahmeliste eines Anbieters (CSV oder XLSX) in einen Termin; erkennt die Personen an Personalnummer, E-Mail-Adresse oder Name.
cli-arg-session = Die Nummer (ID) des Termins.
impatt-col-name = Name
impatt-col-status = Status
impatt-col-hours = Stunden
impatt-col-note = Bemerkung
impatt-missing-columns = In der Überschriftenzeile (Zeile { $line }) fehlt eine Spalte, an der die Teilnehmenden zu erkennen sind: Personalnummer, E-Mail oder Name (Nachname und Vorname, oder eine Spalte „Name“ bzw. „Teilnehmer:in“). Gefunden wurden: { $found }.
impatt-written-number = Pers.-Nr. { $number }
impatt-left-on = ausgeschieden am { $date }
impatt-joined-on = eingetreten am { $date }
impatt-by-email = erkannt an der E-Mail-Adresse
impatt-by-name = erkannt am Namen
impatt-by-user = von Ihnen zugeordnet
impatt-problem-no-match = Niemand passt dazu.
impatt-problem-similar = Niemand passt genau; ähnliche Namen:
impatt-problem-unknown-number = Die Personalnummer { $number } gibt es nicht.
impatt-problem-ambiguous = { $count } Beschäftigte passen dazu.
impatt-problem-conflict = Personalnummer und E-Mail-Adresse gehören zu verschiedenen Personen.
impatt-problem-not-employed = Passend ist nur, wer zur Zeit des Termins nicht beschäftigt war.
impatt-problem-department = Die einzige Person dieses Namens gehört nicht zu „{ $department }“.
impatt-change = { $old } → { $new }
impatt-row = { $person } – { $what }
impatt-row-matched = { $person } – { $what } ({ $by })
impatt-status-hours = { $status }, { $hours } Std.
impatt-with-note = { $text }, Bemerkung „{ $note }“
impatt-unresolved = „{ $written }“ – { $problem }
impatt-rejected = „{ $written }“ – { $reasons }
impatt-no-person = Die Zeile nennt niemanden (weder Personalnummer noch E-Mail-Adresse noch Name).
impatt-unknown-status = Unbekannter Status „{ $value }“ (erwartet: teilgenommen, teilweise, abwesend, entschuldigt oder angemeldet).
impatt-invalid-hours = Ungültige Stundenzahl „{ $value }“ (erwartet: eine Zahl wie 4 oder 3,5).
impatt-too-many-hours = { $hours } Stunden sind mehr, als der Termin dauert ({ $max } Std.).
impatt-partial-without-hours = Bei „teilweise teilgenommen“ muss die Zahl der Stunden angegeben sein.
impatt-hours-not-credited = Bei „{ $status }“ werden keine Stunden angerechnet (angegeben: { $hours }).
impatt-not-yet-held = Der Termin hat noch nicht stattgefunden (er beginnt am { $date }): „{ $status }“ ist erst danach möglich, bis dahin nur „angemeldet“ oder „entschuldigt“.
impatt-not-employed = { $person } war zur Zeit des Termins nicht beschäftigt und kann nicht eingetragen werden.
impatt-duplicate = { $person } steht mehrfach in der Datei (Zeilen { $lines }).
impatt-unknown-employee = Die gewählte Person (Nr. { $id }) gibt es nicht.
impatt-session = Termin: { $code } „{ $title }“, { $start }–{ $end } ({ $hours } Std.)
impatt-future-session = Der Termin hat noch nicht stattgefunden: Eingetragen werden kann nur „angemeldet“ oder „entschuldigt“.
impatt-counts = Neu auf der Teilnehmerliste: { $added } · geändert: { $updated } · unverändert: { $unchanged } · nicht zugeordnet: { $unresolved } · abgelehnt: { $rejected } · übersprungen: { $skipped }
impatt-section-added = Neu auf die Teilnehmerliste:
impatt-section-updated = Zu ändern:
impatt-section-unresolved = Nicht zugeordnet (bitte die gemeinte Person wählen oder die Zeile überspringen):
impatt-section-rejected = Abgelehnte Zeilen (solange eine Zeile abgelehnt wird, wird nichts importiert):
impatt-skipped = Übersprungene Zeilen: { $lines }
impatt-done = Import abgeschlossen: { $added } neu auf der Teilnehmerliste, { $updated } geändert, { $unchanged } unverändert, { $skipped } übersprungen.
impatt-session-not-found = Den Termin mit der Nummer { $id } gibt es nicht.
impatt-commit-refused = Der Import wurde nicht ausgeführt, nichts wurde gespeichert. Nicht zugeordnet: { $unresolved }, abgelehnt: { $rejected }.
impatt-cli-not-ready = Nichts wurde gespeichert: Nicht jede Zeile ist eindeutig einer Person zugeordnet und gültig. Tragen Sie in der Datei die Personalnummer (oder die dienstliche E-Mail-Adresse) der gemeinten Person ein, korrigieren Sie die abgelehnten Zeilen oder löschen Sie Zeilen, die nicht übernommen werden sollen. In der Desktop-Anwendung können Sie die Person auch auswählen.

## Berichte und Exporte (report-)
report-state-valid-until = gültig bis { $date }
report-state-valid = gültig (unbefristet)
report-state-expiring = läuft ab am { $date }
report-state-expired = abgelaufen am { $date }
report-state-expired-eligible = abgelaufen am { $date } (erneut berechtigt)
report-state-in-progress = in Arbeit { $met }/{ $total }
report-state-eligible = berechtigt ({ $met }/{ $total })
report-state-none = –
report-state-none-long = kein Zertifikat, keine Anforderung erfüllt
report-seminar-attended = teilgenommen am { $date }
report-seminar-partial = teilweise teilgenommen am { $date }
report-seminar-registered = angemeldet ({ $date })
report-seminar-none-long = nicht teilgenommen
report-cell-spoken = { $name }, { $column }: { $state }
report-measure-employees = Beschäftigte
report-measure-valid = Gültig
report-measure-expiring = Davon ablaufend
report-measure-expired = Abgelaufen
report-measure-in-progress = In Arbeit
report-measure-eligible = Berechtigt
report-explain-employees = Am Stichtag beschäftigt: eingetreten und noch nicht ausgeschieden.
report-explain-valid = Personen mit einem am Stichtag gültigen Zertifikat des Programms (auch solche, die bald ablaufen). Jede Person zählt einmal, auch mit mehreren Zertifikaten.
report-explain-expiring = Von den Personen mit gültigem Zertifikat diejenigen, deren Zertifikat in höchstens 90 Tagen abläuft.
report-explain-expired = Personen ohne gültiges Zertifikat, deren letztes Zertifikat abgelaufen ist. Widerrufene Zertifikate zählen hier nicht.
report-explain-in-progress = Personen ohne gültiges Zertifikat, die mindestens eine Anforderung des Programms erfüllen – auch wer schon alle erfüllt und noch auf die Urkunde wartet, und wer nach Ablauf die Anforderungen weiterhin erfüllt.
report-explain-eligible = Personen ohne gültiges Zertifikat, die alle Anforderungen erfüllen: Ihnen kann ein Zertifikat ausgestellt werden.
report-explain-coverage = Anteil der Beschäftigten mit gültigem Zertifikat.
report-explain-rollup = Jede Zeile enthält die Zahlen der Organisationseinheit einschließlich aller ihr untergeordneten Einheiten. Ausgeschiedene zählen nicht mit; widerrufene und durch eine Berichtigung ersetzte Zertifikate sind nicht gültig.
report-col-department-code = OE-Kürzel
report-col-department = Organisationseinheit
report-col-program-code = Programm
report-col-program = Bezeichnung
report-col-coverage = Abdeckung (%)
report-col-as-of = Stichtag
report-col-serial = Zertifikatsnummer
report-col-issued-on = Ausgestellt am
report-col-valid-until = Gültig bis
report-col-status = Status
report-col-revoked-on = Widerrufen am
report-col-superseded-by = Ersetzt durch
report-col-code = Prüfcode
report-col-salutation = Anrede
report-col-active = Aktiv
report-col-employees = Beschäftigte
report-col-trained = Davon fortgebildet
report-col-sessions = Teilnahmen
report-col-hours = Stunden
report-col-hours-per-employee = Stunden je Beschäftigten
report-col-attended = Teilgenommen
report-col-partial = Teilweise
report-col-seminars = Seminare
report-total = Gesamte Verwaltung
report-sheet-coverage = Abdeckung { $date }
report-sheet-matrix = Matrix { $date }
report-sheet-certificates = Zertifikate
report-sheet-employees = Beschäftigte
report-sheet-hours-departments = Stunden { $year } nach OE
report-sheet-hours-employees = Stunden { $year } je Person
report-status-valid = gültig
report-status-expiring = gültig, läuft bald ab
report-status-expired = abgelaufen
report-status-revoked = widerrufen
report-status-superseded = ersetzt
report-status-not-yet-issued = noch nicht ausgestellt
report-yes = ja
report-no = nein
report-no-programs = Es gibt noch kein Zertifizierungsprogramm.
report-pdf-title = Zertifizierungsstand nach Organisationseinheiten
report-pdf-as-of = Stand: { $date }
report-pdf-scope = Organisationseinheit: { $department } mit ihren Untereinheiten
report-pdf-intro = Wie viele Beschäftigte jeder Organisationseinheit ein gültiges Zertifikat haben, wessen Zertifikat bald abläuft und wer auf dem Weg dorthin ist. Untereinheiten sind eingerückt und in den Zahlen darüber enthalten.
report-pdf-summary = Insgesamt { $employees } Beschäftigte, davon { $valid } mit gültigem Zertifikat ({ $percent } %); { $expiring } laufen in den nächsten 90 Tagen ab, { $expired } abgelaufen.
report-pdf-continued = { $program } (Fortsetzung)
report-pdf-page = Seite { $page } von { $pages }
report-pdf-legend = So lesen Sie diesen Bericht
report-pdf-col-department = Organisationseinheit
report-pdf-col-employees = Beschäftigte
report-pdf-col-valid = mit gültigem Zertifikat
report-pdf-col-expiring = davon läuft in 90 Tagen ab
report-pdf-col-expired = abgelaufen
report-pdf-col-in-progress = in Arbeit
report-pdf-col-coverage = Abdeckung
report-error-write = Die Datei konnte nicht erstellt werden ({ $detail }).
report-error-format = „{ $path }“: Bitte geben Sie eine Datei mit der Endung .csv oder .xlsx an (beim Bericht zur Abdeckung auch .pdf).
report-error-pdf-only-coverage = Als PDF gibt es nur den Bericht zur Abdeckung. Für diese Liste wählen Sie bitte .csv oder .xlsx.
report-error-unknown-department = Eine Organisationseinheit mit dem Kürzel „{ $code }“ gibt es nicht.
report-error-bad-year = „{ $value }“ ist kein Jahr. Schreiben Sie z. B. 2025.
report-exported = { $rows ->
    [one] Eine Zeile
   *[other] { $rows } Zeilen
} exportiert nach { $path }.
report-cli-department = OE
report-cli-name = Organisationseinheit
report-cli-program = Programm
report-cli-coverage = Abdeckung
report-cli-as-of = Stand: { $date }
cli-report-about = Berichte: Zertifizierungsstand und Fortbildungsstunden.
cli-report-coverage-about = Zertifizierungsstand je Organisationseinheit (mit Untereinheiten) und Programm.
cli-report-hours-about = Fortbildungsstunden eines Jahres je Organisationseinheit (mit Untereinheiten).
cli-export-about = Exportiert Berichte und Listen als CSV (für Excel, mit Semikolon) oder XLSX; den Zertifizierungsstand auch als PDF zum Ausdrucken.
cli-export-coverage-about = Zertifizierungsstand je Organisationseinheit und Programm (.csv, .xlsx oder .pdf).
cli-export-matrix-about = Qualifizierungsmatrix: Beschäftigte × Programme oder Seminare (.csv oder .xlsx).
cli-export-certificates-about = Alle ausgestellten Zertifikate mit Status (.csv oder .xlsx).
cli-export-employees-about = Die Personalliste, Ausgeschiedene eingeschlossen (.csv oder .xlsx).
cli-export-hours-about = Fortbildungsstunden eines Jahres je Organisationseinheit und je Person (.csv oder .xlsx).
cli-arg-year = Das Kalenderjahr (Standard: das laufende).
cli-arg-columns = Spalten der Matrix: programs (Programme) oder seminars (Seminare).
cli-arg-search = Nur Beschäftigte, deren Name oder Personalnummer diesen Text enthält.
cli-export-coverage-arg-output = Die Zieldatei: .csv, .xlsx oder .pdf.
cli-export-matrix-arg-output = Die Zieldatei: .csv oder .xlsx.
cli-export-certificates-arg-output = Die Zieldatei: .csv oder .xlsx.
cli-export-employees-arg-output = Die Zieldatei: .csv oder .xlsx.
cli-export-hours-arg-output = Die Zieldatei: .csv oder .xlsx.

## Seminare, Termine und Teilnahmen (train-)
field-seminar-code = Kürzel des Seminars
field-seminar-title = Titel
field-description = Beschreibung
field-provider = Anbieter
field-topic = Thema
field-default-hours = Stunden
field-seminar = Seminar
field-session-start = Beginn
field-session-end = Ende
field-location = Ort oder Link
field-trainer = Referent:in
field-capacity = Plätze
field-attendance-status = Status
field-hours = Stunden
field-note = Bemerkung
invalid-duplicate-seminar-code = Das Seminarkürzel { $code } ist bereits vergeben.
invalid-default-hours = Die Stunden eines Seminars liegen zwischen 0 und 1000.
invalid-end-before-start = Das Ende liegt vor dem Beginn. Bitte prüfen Sie Datum und Uhrzeit.
invalid-capacity-zero = Die Zahl der Plätze muss größer als 0 sein (leer lassen für unbegrenzt).
invalid-archived-seminar = Das Seminar { $code } ist archiviert. Für archivierte Seminare können keine neuen Termine angelegt werden.
invalid-hours = Die Stunden müssen eine Zahl von 0 an sein (z. B. 7,5).
invalid-hours-above-length = Es können höchstens { $max } Stunden angerechnet werden – so lange dauert der Termin.
invalid-partial-needs-hours = Bei „teilweise teilgenommen“ muss angegeben werden, wie viele Stunden angerechnet werden (mehr als 0).
invalid-hours-not-credited = Stunden werden nur bei „teilgenommen“ und „teilweise teilgenommen“ angerechnet.
invalid-session-not-started = Der Termin hat noch nicht begonnen: Bis dahin ist nur „angemeldet“ oder „entschuldigt“ möglich.
invalid-not-employed-at-session = Die Person mit der Personalnummer { $number } war zum Zeitpunkt des Termins nicht beschäftigt.
train-confirm-edit-session = { $rows ->
    [one] Zu diesem Termin ist bereits eine Teilnahme erfasst. Soll der Termin trotzdem geändert werden?
   *[other] Zu diesem Termin sind bereits { $rows } Teilnahmen erfasst. Soll der Termin trotzdem geändert werden?
}
train-confirm-delete-session = { $rows ->
    [one] Mit dem Termin wird auch die erfasste Teilnahme gelöscht. Wirklich löschen?
   *[other] Mit dem Termin werden auch alle { $rows } erfassten Teilnahmen gelöscht. Wirklich löschen?
}
train-status-registered = angemeldet
train-status-attended = teilgenommen
train-status-partial = teilweise teilgenommen
train-status-absent = nicht erschienen
train-status-excused = entschuldigt
train-format-in-person = Präsenz
train-format-webinar = Webinar
train-format-elearning = E-Learning
train-col-id = ID
train-col-code = Kürzel
train-col-title = Titel
train-col-format = Format
train-col-hours = Stunden
train-col-archived = Archiviert
train-col-participants = Teilnehmende
train-col-date = Datum
train-sheet-attendance = Teilnahmen
train-unknown-session = Einen Termin mit der ID { $id } gibt es nicht. Die IDs zeigt „lotse sessions list“.
train-nothing-written = Es wurde nichts gespeichert.
train-recorded = Teilnahmen erfasst: { $added } neu, { $updated } geändert, { $unchanged } unverändert.
train-over-capacity = { $seats ->
    [one] Achtung: Der Termin ist damit um einen Platz überbucht.
   *[other] Achtung: Der Termin ist damit um { $seats } Plätze überbucht.
}
cli-seminars-about = Der Seminarkatalog.
cli-seminars-list-about = Listet die Seminare auf (ohne --all nur die nicht archivierten).
cli-seminars-list-arg-all = Auch archivierte Seminare zeigen.
cli-sessions-about = Termine der Seminare.
cli-sessions-list-about = Listet die Termine auf, die frühesten zuerst.
cli-arg-seminar = Nur Termine dieses Seminars (Kürzel, z. B. DF-101).
cli-arg-from = Nur Termine, die an diesem Tag oder später enden (JJJJ-MM-TT oder TT.MM.JJJJ).
cli-arg-to = Nur Termine, die an diesem Tag oder früher beginnen (JJJJ-MM-TT oder TT.MM.JJJJ).
cli-attendance-about = Teilnahmen an Terminen.
cli-attendance-record-about = Erfasst die Teilnahme von Beschäftigten an einem Termin und trägt sie bei Bedarf in die Teilnehmerliste ein – alle in einem Schritt oder keine.
cli-arg-status = Status: attended (teilgenommen), partial (teilweise), absent (nicht erschienen), excused (entschuldigt) oder registered (angemeldet). Standard: attended, wenn der Termin begonnen hat, sonst registered.
cli-arg-hours = Anzurechnende Stunden (z. B. 7,5). Standard bei „teilgenommen“: die Dauer des Termins, höchstens die Stunden des Seminars.
cli-export-attendance-about = Alle Teilnahmen: Datum, Seminar, Person, Organisationseinheit, Status und Stunden (.csv oder .xlsx).
cli-export-attendance-arg-output = Die Zieldatei: .csv oder .xlsx.
train-demo-certificates = { $count ->
    [0] Es wurden keine Zertifikate ausgestellt.
    [one] Ein Zertifikat ausgestellt.
   *[other] { $count } Zertifikate ausgestellt, davon { $expired } abgelaufen und { $expiring } bald ablaufend.
}
