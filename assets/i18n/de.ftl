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

## Speicherort, ein Fenster je Datei, gleichzeitige Änderungen
location-network-warning = Die Datenbank liegt auf einem Netzlaufwerk ({ $fs }). SQLite ist dort nicht sicher, wenn mehrere Rechner gleichzeitig darauf zugreifen; Lotse arbeitet deshalb im langsameren, sichereren Journal-Modus. Legen Sie die Datei auf einen lokalen Datenträger oder richten Sie für mehrere Sachbearbeitende den Mehrbenutzerbetrieb mit PostgreSQL ein (siehe README).
location-cloud-warning = Die Datenbank liegt in einem synchronisierten Cloud-Ordner ({ $service }). Die Synchronisation kann die Datei während des Schreibens kopieren und beschädigen, und zwei Rechner können sich gegenseitig Änderungen überschreiben; Lotse arbeitet deshalb im langsameren, sichereren Journal-Modus. Legen Sie die Datei in einen Ordner, der nicht synchronisiert wird, und sichern Sie sie mit der Sicherungsfunktion von Lotse.
instance-already-open = Lotse ist bereits mit dieser Datei geöffnet ({ $path }). Wechseln Sie zu dem offenen Fenster; ein zweites Fenster auf derselben Datei würde Änderungen des anderen überschreiben.
startup-title = Die Datenbank kann nicht geöffnet werden
startup-database = Datenbank: { $path }
startup-copy = Meldung kopieren
startup-copied = Die Meldung wurde in die Zwischenablage kopiert.
startup-restore = Sicherung vom { $date } einspielen
startup-restore-hint = Die Datei wird durch diese Sicherung ersetzt. Was nach der Sicherung eingetragen wurde, fehlt danach und muss noch einmal erfasst werden.
startup-login-title = Anmeldung am Datenbankserver
startup-password = Passwort
startup-login = Anmelden
startup-logging-in = Anmeldung am Datenbankserver …
startup-password-hint = Das Passwort gilt nur für diese Sitzung und wird nicht gespeichert. Wer es nicht jedes Mal eingeben möchte, hinterlegt es in der Datei .pgpass (siehe README).
startup-restoring = Die Sicherung wird eingespielt …
startup-restore-failed = Die Sicherung konnte nicht eingespielt werden: { $detail }
edit-conflict = Dieser Datensatz wurde inzwischen von { $actor }{ $when } geändert. Ihre Änderung ist nicht gespeichert: Laden Sie den gespeicherten Stand neu oder überschreiben Sie ihn mit Ihrer Eingabe.
edit-conflict-unknown = Dieser Datensatz wurde inzwischen{ $when } geändert. Ihre Änderung ist nicht gespeichert: Laden Sie den gespeicherten Stand neu oder überschreiben Sie ihn mit Ihrer Eingabe.
edit-conflict-when = { " " }am { $date } um { $time } Uhr
app-reload-record = Neu laden
app-reload-record-hint = Die gespeicherten Werte in das Formular laden; Ihre Eingaben darin werden verworfen.
app-conflict-field = Feld
app-conflict-mine = Ihre Eingabe
app-conflict-stored = Jetzt gespeichert
app-conflict-empty = (leer)
app-conflict-same = Die Felder dieses Formulars stimmen mit dem gespeicherten Stand überein; geändert wurde etwas anderes (zum Beispiel der Status).
app-conflict-overwrite = Trotzdem speichern
app-conflict-overwrite-hint = Ihre Eingabe speichern; die zwischenzeitliche Änderung dieser Felder wird dabei überschrieben.

## Fehler
error-not-found = Nicht gefunden: { $what }
error-not-lotse-file = Die Datei { $path } ist keine Lotse-Datenbank. Sie wurde nicht verändert. Wählen Sie eine andere Datei mit --db.
error-too-new = Die Datei { $path } stammt von einer neueren Lotse-Version (Schema { $found }, diese Version kennt { $supported }). Sie wurde nicht verändert. Bitte aktualisieren Sie Lotse.
error-busy = Die Datenbank wird gerade von einem anderen Programm benutzt. Bitte versuchen Sie es gleich noch einmal.
error-server-no-right = Sie haben in dieser Datenbank nur Leserechte; die Änderung wurde nicht gespeichert. Wenn Sie Daten ändern müssen, bitten Sie die Verwaltung der Datenbank, Sie der Rolle lotse_officer zuzuordnen.
error-server-unreachable = Der Datenbankserver ist nicht erreichbar; die Aktion wurde nicht ausgeführt. Prüfen Sie die Netzwerkverbindung und versuchen Sie es noch einmal. Wenn der Fehler bleibt, wenden Sie sich an Ihre IT.
error-server-tls = Die verschlüsselte Verbindung zum Datenbankserver kam nicht zustande: Entweder bietet der Server keine Verschlüsselung an (sslmode=require), oder sein Zertifikat ist nicht vertrauenswürdig (sslmode=verify-full; die ausstellende Stelle gehört dann mit sslrootcert=DATEI in die Adresse). Wenden Sie sich an Ihre IT.
error-server-password = Die Anmeldung am Datenbankserver ist fehlgeschlagen: Das Passwort fehlt oder ist falsch. Geben Sie Ihr Passwort ein oder hinterlegen Sie es in der Datei .pgpass.
error-server-login = Der Datenbankserver kennt diese Anmeldung nicht oder lässt sie nicht zu. Prüfen Sie den Benutzernamen in der Adresse der Datenbank oder wenden Sie sich an Ihre IT.
error-server-file-operation = Diese Aktion betrifft eine Datenbankdatei; Ihre Datenbank liegt aber auf einem PostgreSQL-Server. Sicherungen, Wiederherstellung und Prüfung der Dateien übernimmt dort der Server; wenden Sie sich an Ihre IT.
error-server-url = Die Adresse der Datenbank ist keine gültige PostgreSQL-Adresse. Geben Sie sie in der Form postgres://benutzer@server/datenbank an.
error-corrupt = Die Datenbankdatei ist beschädigt. Spielen Sie eine Sicherung ein.
error-damaged = Die Datenbank { $path } ist beschädigt und wurde nicht geöffnet, damit keine falschen Daten angezeigt werden.
error-damaged-kept = Die Datenbank { $path } ist beschädigt und wurde nicht geöffnet, damit keine falschen Daten angezeigt werden. Eine Kopie der beschädigten Datei liegt unter { $kept }.
error-damaged-backup = Spielen Sie die neueste gute Sicherung ein: lotse restore "{ $backup }"
error-damaged-no-backup = Es gibt keine Sicherung dieser Datei. Wenden Sie sich an Ihre IT, um die Datei aus der Datensicherung des Computers wiederherzustellen.
error-database = Die Datenbank meldet einen Fehler; die Aktion wurde nicht ausgeführt, bereits Gespeichertes ist unverändert. Versuchen Sie es noch einmal. Wenn der Fehler bleibt, wenden Sie sich an Ihre IT.
error-database-full = Auf dem Datenträger der Datenbank ist kein Platz mehr frei. Die Änderung wurde nicht gespeichert, bereits Gespeichertes ist unverändert. Schaffen Sie Platz und versuchen Sie es noch einmal.
error-database-read-only = Die Datenbank darf nicht geändert werden: Die Datei oder ihr Ordner ist schreibgeschützt, oder Ihnen fehlt die Berechtigung. Es wurde nichts geändert. Bitten Sie Ihre IT um Schreibrechte.
error-database-file = Die Datenbankdatei konnte nicht gelesen oder geschrieben werden; es wurde nichts geändert. Prüfen Sie, ob auf dem Datenträger noch Platz frei ist, ob der Ordner der Datenbank erreichbar ist (zum Beispiel ein Netzlaufwerk) und ob Sie dort schreiben dürfen, und versuchen Sie es dann noch einmal.
error-file = Die Datei { $path } konnte nicht gelesen oder geschrieben werden. { error-reason-other }
error-file-disk-full = Die Datei { $path } konnte nicht geschrieben werden: { error-reason-disk-full }
error-file-read-only = Lotse hat keinen Zugriff auf { $path }: { error-reason-read-only }
error-file-locked = Lotse kann gerade nicht auf die Datei { $path } zugreifen: { error-reason-locked }
error-file-not-found = { $path } wurde nicht gefunden. Prüfen Sie Namen und Ordner.
error-reason-disk-full = Auf dem Datenträger ist kein Platz mehr frei. Schaffen Sie Platz und versuchen Sie es noch einmal.
error-reason-read-only = Der Ort ist schreibgeschützt, oder Ihnen fehlt dort die Berechtigung. Wählen Sie einen anderen Ort oder bitten Sie Ihre IT um die nötigen Rechte.
error-reason-locked = Ein anderes Programm hat die Datei geöffnet. Schließen Sie es (zum Beispiel den PDF-Betrachter oder Excel) und versuchen Sie es noch einmal.
error-reason-not-found = Die Datei oder ihr Ordner existiert nicht (mehr). Prüfen Sie Namen und Ordner.
error-reason-other = Prüfen Sie, ob der Ort erreichbar ist (zum Beispiel ein Netzlaufwerk oder ein USB-Stick), und versuchen Sie es noch einmal.
error-partly-printed = { $written } von { $total } Urkunden { $written ->
        [one] wurde
       *[other] wurden
    } in { $folder } geschrieben; { $file } konnte nicht geschrieben werden: { $reason }
error-cancelled = Abgebrochen.

## Kommandozeile
cli-about = Lotse – Fortbildungen, Zertifizierungsprogramme und Urkunden für die Verwaltung. Ohne Befehl startet die Desktop-Anwendung.
cli-demo-about = Füllt eine leere Datenbank mit einer Beispielverwaltung.
cli-import-about = Importiert eine Tabelle (CSV oder XLSX).
cli-import-employees-about = Importiert die Personalliste (CSV oder XLSX); gleicht über die Personalnummer ab.
cli-employees-about = Beschäftigte.
cli-employees-list-about = Listet die Beschäftigten auf.
cli-employees-delete-about = Löscht eine versehentlich angelegte beschäftigte Person, zu der es keine Teilnahmen und keine Zertifikate gibt. Ohne --yes wird nur gezeigt, was geschähe; nichts ändert sich.
cli-employees-delete-arg-personnel-number = Die Personalnummer.
cli-employees-delete-arg-yes = Bestätigen: wirklich löschen.
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
app-settings-organizer-email = Organisator-E-Mail-Adresse
app-settings-organizer-email-hint = z. B. fortbildung@musterstadt.de
app-settings-organizer-email-note = Kalendereinladungen (.ics) nennen diese Adresse als Organisator; ohne sie behandeln Kalender die Datei als einfachen Termin, und Zu- oder Absagen kommen nicht zurück.
app-settings-saved = Die Einstellungen wurden gespeichert.
app-settings-database = Datenbank
app-settings-database-file = Datenbankdatei
app-settings-database-hint = Eine andere Datei öffnen Sie mit „lotse --db PFAD“, eine Datenbank auf einem PostgreSQL-Server mit „lotse --db postgres://benutzer@server/datenbank“ – oder über die Umgebungsvariable LOTSE_DB.
app-settings-database-server = Datenbank auf dem Server
app-read-only = Sie haben in dieser Datenbank nur Leserechte: Sie können alles ansehen, auswerten und exportieren, aber nichts ändern.
app-read-only-hint = Mit Leserechten lässt sich hier nichts ändern.
app-backup-on-server = Diese Datenbank liegt auf einem PostgreSQL-Server. Sicherungen macht dort der Server, nicht Lotse: Bitten Sie Ihre IT, die Datenbank regelmäßig zu sichern, zum Beispiel jede Nacht mit diesem Befehl:
app-backup-on-server-restore = Zurückgespielt wird eine solche Sicherung mit pg_restore in eine leere Datenbank. Eine Kopie als Datei legt „lotse migrate-to DATEI“ an.
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
app-open-hover = { $full } – Klicken, um eine andere Datenbank zu öffnen.
app-open-title = Datenbank öffnen
app-open-current = Lotse arbeitet jetzt mit { $name }.
app-open-kind-default = Die Standarddatei auf diesem Computer
app-open-kind-file = Eine andere Datei
app-open-kind-server = Eine Datenbank auf einem PostgreSQL-Server (mehrere Sachbearbeiter)
app-open-file-label = Datei
app-open-choose-file = Auswählen …
app-open-file-dialog = Lotse-Datenbank wählen
app-open-url-label = Adresse
app-open-url-hint = postgres://benutzer@server/datenbank
app-open-password = Passwort
app-open-password-needed = Der Server möchte ein Passwort. Geben Sie es ein und klicken Sie noch einmal auf „Öffnen“; es gilt nur für diese Anmeldung und wird nicht gespeichert.
app-open-note = Lotse merkt sich die Auswahl und öffnet diese Datenbank beim nächsten Start wieder (auch für die Befehlszeile ohne --db). Ein Passwort wird nie gespeichert.
app-open-open = Öffnen
app-open-opening = Die Datenbank wird geöffnet …
app-open-password-in-url = Ein Passwort gehört nicht in die Adresse der Datenbank. Lassen Sie es weg: Lotse fragt danach, oder hinterlegen Sie es in der Datei .pgpass.
app-open-empty-file = Geben Sie an, welche Datei geöffnet werden soll.
app-open-empty-url = Geben Sie die Adresse der Datenbank an, zum Beispiel postgres://benutzer@server/datenbank.
app-open-same = Diese Datenbank ist bereits geöffnet.
app-open-opened = Lotse arbeitet jetzt mit { $name }.
app-open-not-remembered = Die Datenbank ist geöffnet, aber die Auswahl konnte nicht gespeichert werden; beim nächsten Start öffnet Lotse wieder die bisherige. { $reason }
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
elig-n-of = mindestens { $needed } Seminare aus { $seminars }: { $done } besucht
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
cert-verify = Die ausstellende Stelle bestätigt die Echtheit anhand des Prüfcodes { $code }.
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
cli-print-arg-pdfa = Archivfähiges PDF/A-2b (für die E-Akte): yes oder no; ohne die Angabe wie in den Einstellungen.
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
impatt-session = Termin: { $code } „{ $title }“, { $when } ({ $hours } Std.)
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
report-no-department = ohne Organisationseinheit
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
cli-export-compliance-about = Prüfbericht für Audits: Abdeckung, Zertifikatsinhaber, abgelaufene und widerrufene Zertifikate – für die ganze Verwaltung oder eine Organisationseinheit (.pdf oder .xlsx).
cli-export-matrix-about = Qualifizierungsmatrix: Beschäftigte × Programme oder Seminare (.csv oder .xlsx).
cli-export-certificates-about = Alle ausgestellten Zertifikate mit Status (.csv oder .xlsx).
cli-export-employees-about = Die Personalliste, Ausgeschiedene eingeschlossen (.csv oder .xlsx).
cli-export-hours-about = Fortbildungsstunden eines Jahres je Organisationseinheit und je Person (.csv oder .xlsx).
cli-arg-year = Das Kalenderjahr (Standard: das laufende).
cli-arg-columns = Spalten der Matrix: programs (Programme) oder seminars (Seminare).
cli-arg-search = Nur Beschäftigte, deren Name oder Personalnummer diesen Text enthält.
cli-export-coverage-arg-output = Die Zieldatei: .csv, .xlsx oder .pdf.
cli-export-compliance-arg-output = Die Zieldatei: .pdf oder .xlsx.
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
train-col-when = Termin
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
cli-sessions-ics-about = Schreibt die Einladung zu einem Termin als Kalenderdatei (.ics) für Outlook, Thunderbird und andere Kalender.
cli-sessions-ics-arg-id = Die ID des Termins (siehe „lotse sessions list“).
cli-sessions-ics-arg-output = Die Kalenderdatei, die geschrieben wird (.ics).
cli-sessions-ics-arg-attendees = Mit den Teilnehmenden als Eingeladenen (eine Einladung zum Versenden).
cli-sessions-ics-arg-cancel = Eine Absage des Termins statt der Einladung.
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

## Desktop app: seminars, sessions, roster, participant-list import, training history (issue 3)
apptr-title = Seminare & Termine
apptr-tab-sessions = Termine
apptr-tab-catalogue = Seminarkatalog
apptr-session-add = + Termin anlegen
apptr-session-add-hint = Einen neuen Termin eines Seminars planen
apptr-seminar-add = + Seminar anlegen
apptr-upcoming = Anstehende ({ $count })
apptr-past = Vergangene ({ $count })
apptr-all-seminars = Alle Seminare
apptr-all-providers = Alle Anbieter
apptr-from = von
apptr-to = bis
apptr-filter-reset = Filter zurücksetzen
apptr-col-when = Datum und Uhrzeit
apptr-col-participants = Teilnehmende
apptr-col-sessions = Termine
apptr-sessions-none-yet = Noch keine Termine. Legen Sie zuerst Seminare im Seminarkatalog an, dann ihre Termine.
apptr-sessions-none-upcoming = Keine anstehenden Termine für diese Auswahl.
apptr-sessions-none-past = Keine vergangenen Termine für diese Auswahl.
apptr-seminars-none-yet = Noch keine Seminare im Katalog.
apptr-show-archived = Archivierte Seminare anzeigen
apptr-archived-title = { $title } (archiviert)
apptr-seminar-new-title = Neues Seminar
apptr-seminar-edit-title = Seminar bearbeiten
apptr-seminar-is-archived = Dieses Seminar ist archiviert: Es bleibt in der Historie erhalten, neue Termine sind nicht möglich.
apptr-provider-hint = z. B. krz DigiFit-Akademie
apptr-topic-hint = z. B. Digitale Verwaltung
apptr-hours-hint = z. B. 7,5
apptr-invalid-hours = „{ $text }“ ist keine gültige Stundenzahl. Bitte eine Zahl wie 4 oder 3,5 eingeben.
apptr-seminar-added = Das Seminar { $code } wurde angelegt.
apptr-seminar-saved = Änderungen am Seminar { $code } wurden gespeichert.
apptr-seminar-archived = Das Seminar { $code } wurde archiviert.
apptr-seminar-unarchived = Das Seminar { $code } ist wieder im Katalog.
apptr-seminar-sessions = { $count ->
    [0] Zu diesem Seminar gibt es noch keine Termine.
    [one] Zu diesem Seminar gibt es einen Termin.
   *[other] Zu diesem Seminar gibt es { $count } Termine.
}
apptr-session-add-for = + Termin für dieses Seminar
apptr-seminar-archive = Archivieren
apptr-seminar-unarchive = Wieder in den Katalog aufnehmen
apptr-seminar-archive-hint = Archivierte Seminare verschwinden aus den Auswahllisten; ihre Termine und Teilnahmen bleiben erhalten.
apptr-session-new-title = Neuer Termin
apptr-session-edit-title = Termin bearbeiten
apptr-choose-seminar = – Seminar wählen –
apptr-date-missing = Bitte das Datum eingeben (TT.MM.JJJJ).
apptr-invalid-time = „{ $text }“ ist keine gültige Uhrzeit. Bitte als SS:MM eingeben, z. B. 09:00.
apptr-invalid-capacity = „{ $text }“ ist keine gültige Zahl von Plätzen. Bitte eine ganze Zahl eingeben oder das Feld leer lassen.
apptr-at = um
apptr-oclock = Uhr
apptr-time-hint = SS:MM
apptr-start-time = Beginn (Uhrzeit)
apptr-end-time = Ende (Uhrzeit)
apptr-end-date-hint = wie Beginn
apptr-location-hint = Raum oder Link zum Webinar
apptr-capacity-hint = leer = unbegrenzt
apptr-session-added = Der Termin { $code } am { $when } wurde angelegt.
apptr-session-saved = Änderungen am Termin { $code } am { $when } wurden gespeichert.
apptr-session-deleted = { $rows ->
    [0] Der Termin wurde gelöscht.
    [one] Der Termin wurde gelöscht, mit ihm eine Teilnahme.
   *[other] Der Termin wurde gelöscht, mit ihm { $rows } Teilnahmen.
}
apptr-roster-title = Teilnehmerliste
apptr-participants = { $count } Teilnehmende
apptr-participants-of = { $count } Teilnehmende bei { $capacity } Plätzen
apptr-roster-open = Teilnehmerliste öffnen
apptr-session-delete = Termin löschen …
apptr-session-delete-hint = Löscht den Termin. Sind schon Teilnahmen erfasst, fragt Lotse vorher nach.
apptr-confirm-edit-title = Termin mit Teilnahmen ändern?
apptr-confirm-delete-title = Termin mit Teilnahmen löschen?
apptr-confirm-edit = Trotzdem ändern
apptr-confirm-delete = Termin und Teilnahmen löschen
apptr-back = ← Alle Termine
apptr-session-edit = Termin bearbeiten
apptr-seats-of = Plätze: { $taken } von { $capacity } belegt
apptr-seats = Plätze: { $taken } belegt (ohne Begrenzung)
apptr-full-hours = angerechnet werden { $hours } Std. je Person
apptr-over-capacity = { $over ->
    [one] Achtung: Der Termin ist um einen Platz überbucht ({ $taken } Personen bei { $capacity } Plätzen).
   *[other] Achtung: Der Termin ist um { $over } Plätze überbucht ({ $taken } Personen bei { $capacity } Plätzen).
}
apptr-not-started = Der Termin hat noch nicht begonnen: Bis dahin kann nur „angemeldet“ oder „entschuldigt“ erfasst werden.
apptr-add-person = Person hinzufügen
apptr-add-person-hint = Name oder Personalnummer
apptr-add-person-keys = ↑ ↓ wählen · Enter fügt hinzu · Esc zurück zur Liste
apptr-add-none-found = Niemand gefunden, der noch nicht auf der Liste steht und zur Zeit des Termins beschäftigt ist.
apptr-choose-department = – Einheit wählen –
apptr-add-department = Organisationseinheit hinzufügen
apptr-add-department-hint = Trägt alle aktiven Beschäftigten der gewählten Einheit und ihrer Untereinheiten als angemeldet ein.
apptr-import = Teilnehmerliste importieren …
apptr-import-hint = Die Teilnehmerliste des Anbieters (CSV oder XLSX) in diesen Termin übernehmen
apptr-select-all = Alle auswählen
apptr-none-selected = Zeile ▶:
apptr-selected = { $count ->
    [one] 1 ausgewählt:
   *[other] { $count } ausgewählt:
}
apptr-mark-attended = Teilgenommen
apptr-mark-absent = Nicht erschienen
apptr-mark-excused = Entschuldigt
apptr-remove = Entfernen …
apptr-remove-title = Von der Teilnehmerliste nehmen?
apptr-remove-question = { $count ->
    [one] Soll die ausgewählte Person von der Teilnehmerliste genommen werden? Ihre Teilnahme an diesem Termin wird gelöscht.
   *[other] Sollen die { $count } ausgewählten Personen von der Teilnehmerliste genommen werden? Ihre Teilnahmen an diesem Termin werden gelöscht.
}
apptr-remove-confirm = Von der Liste nehmen
apptr-all-attended = Alle Angemeldeten → teilgenommen
apptr-all-attended-hint = { $count ->
    [0] Niemand ist mehr nur angemeldet.
    [one] Markiert die eine noch angemeldete Person als teilgenommen, mit den vollen Stunden.
   *[other] Markiert alle { $count } noch Angemeldeten als teilgenommen, mit den vollen Stunden.
}
apptr-keys-hint = Tastatur: ↑↓ Zeile · Umschalt+↑↓ Bereich · Leertaste auswählen · Strg+A alle · 1 teilgenommen · 2 nicht erschienen · 3 entschuldigt · Tab Stunden · Enter speichern · Esc zurück
apptr-col-name = Name
apptr-col-department = Einheit
apptr-roster-empty = Noch niemand auf der Teilnehmerliste. Fügen Sie Personen oder eine ganze Organisationseinheit hinzu oder importieren Sie die Liste des Anbieters.
apptr-select-person = { $name } auswählen
apptr-status-of = Status von { $name }
apptr-hours-of = Stunden von { $name }
apptr-note-of = Bemerkung zu { $name }
apptr-added = { $added ->
    [0] Niemand wurde hinzugefügt.
    [one] Eine Person wurde hinzugefügt.
   *[other] { $added } Personen wurden hinzugefügt.
}
apptr-added-skipped = { $skipped ->
    [one] Eine Person stand schon auf der Liste.
   *[other] { $skipped } Personen standen schon auf der Liste.
}
apptr-removed = { $count ->
    [one] Eine Person wurde von der Liste genommen.
   *[other] { $count } Personen wurden von der Liste genommen.
}
apptr-status-set = { $count ->
    [0] Nichts geändert – der Status war schon so erfasst.
    [one] Eine Teilnahme wurde erfasst.
   *[other] { $count } Teilnahmen wurden erfasst.
}
apptr-import-dialog-title = Teilnehmerliste importieren
apptr-import-title = Teilnehmerliste: { $file }
apptr-import-added = Neu auf der Liste
apptr-import-updated = Geändert
apptr-import-unchanged = Unverändert
apptr-import-unresolved = Nicht zugeordnet
apptr-import-rejected = Abgelehnt
apptr-import-skipped = Übersprungen
apptr-import-tab-unresolved = Zuzuordnen ({ $open } von { $count } offen)
apptr-import-blocked = Übernehmen ist erst möglich, wenn jede Zeile einer Person zugeordnet oder übersprungen ist und keine Zeile abgelehnt wird.
apptr-import-resolve-hint = Diese Zeilen passen zu niemandem oder zu mehreren Personen. Wählen Sie die gemeinte Person oder überspringen Sie die Zeile – Lotse rät nicht.
apptr-import-col-written = In der Datei
apptr-import-col-problem = Problem
apptr-import-col-choice = Zuordnung
apptr-import-col-person = Person
apptr-import-col-entry = Eintrag
apptr-import-col-matched = Erkannt
apptr-import-choose = – bitte wählen –
apptr-import-skip = Zeile überspringen
apptr-import-choice-for = Zuordnung für Zeile { $line }
apptr-import-none-unresolved = Jede Zeile ist eindeutig einer Person zugeordnet.
apptr-import-none-added = Niemand kommt neu auf die Liste.
apptr-import-none-updated = Kein Eintrag wird geändert.
apptr-import-none-rejected = Keine Zeile wird abgelehnt.
apptr-history-title = Besuchte Seminare
apptr-history-none = Noch keine Seminare erfasst.
apptr-history-totals = Stunden je Jahr
apptr-history-year = { $hours } Std. · { $completed ->
    [one] 1 Seminar
   *[other] { $completed } Seminare
}
apptr-history-partial = { $partial } teilweise

## Startseite und Berichte in der Desktop-Anwendung (apprep-)
apprep-dashboard-title = Startseite
apprep-dashboard-subtitle = Stand { $date } · { $employees } aktive Beschäftigte
apprep-computing = Wird berechnet …
apprep-expiring-title = Bald ablaufende Zertifikate
apprep-expiring-summary = { $count ->
    [0] In den nächsten 90 Tagen läuft kein Zertifikat ab.
    [one] Ein Zertifikat läuft in den nächsten 90 Tagen ab. Klicken Sie auf die Zeile, um die Person zu öffnen.
   *[other] { $count } Zertifikate laufen in den nächsten 90 Tagen ab. Klicken Sie auf eine Zeile, um die Person zu öffnen.
}
apprep-col-name = Name
apprep-col-program = Programm
apprep-col-valid-until = Gültig bis
apprep-col-days-left = Noch
apprep-col-when = Termin
apprep-col-seminar = Seminar
apprep-col-participants = Plätze
apprep-col-department-code = OE
apprep-col-coverage = Abdeckung
apprep-col-hours-per-employee = Std. je Person
apprep-days-left = { $days ->
    [0] heute
    [one] 1 Tag
   *[other] { $days } Tage
}
apprep-open-employee = Personalnr. { $number } – klicken, um die Person zu öffnen
apprep-open-employee-short = Klicken, um die Person zu öffnen
apprep-open-session = Klicken, um die Teilnehmerliste des Termins zu öffnen
apprep-to-certificates = Zu den Urkunden
apprep-due-title = Berechtigt, aber noch ohne Zertifikat
apprep-due-hint = Diese Beschäftigten erfüllen alle Anforderungen und haben kein gültiges Zertifikat des Programms.
apprep-due-count = { $count ->
    [0] Niemand wartet auf ein Zertifikat.
    [one] 1 Person erfüllt alle Anforderungen
   *[other] { $count } Personen erfüllen alle Anforderungen
}
apprep-due-more = und { $count } weitere
apprep-issue = Ausstellen …
apprep-issue-hint = Zu „Programme“ wechseln und die Zertifikate für „{ $program }“ ausstellen
apprep-sessions-title = Nächste Termine
apprep-sessions-hint = Termine der nächsten 14 Tage mit angemeldeten Teilnehmenden und Plätzen.
apprep-sessions-none = In den nächsten 14 Tagen findet kein Termin statt.
apprep-participants = { $count ->
    [one] 1 Person angemeldet
   *[other] { $count } Personen angemeldet
}
apprep-participants-of = { $count } von { $capacity } Plätzen belegt
apprep-to-seminars = Zu den Seminaren
apprep-weekday = { $day ->
    [1] Mo
    [2] Di
    [3] Mi
    [4] Do
    [5] Fr
    [6] Sa
   *[7] So
}
apprep-chart-title = Abdeckung nach Organisationseinheit
apprep-chart-total = Insgesamt { $valid } von { $employees } Beschäftigten mit gültigem Zertifikat ({ $percent } %).
apprep-chart-tooltip = { $department }: { $valid } von { $employees } mit gültigem Zertifikat ({ $percent } %)
apprep-chart-empty = Noch keine Organisationseinheiten.
apprep-program = Programm
apprep-title = Berichte
apprep-tab-coverage = Abdeckung
apprep-tab-matrix = Qualifizierungsmatrix
apprep-tab-hours = Fortbildungsstunden
apprep-as-of = Stichtag
apprep-as-of-hint = Der Tag, für den gerechnet wird, z. B. 31.12.2025 für den Stand zum Jahresende
apprep-as-of-today = Heute
apprep-as-of-year-end = Ende { $year }
apprep-coverage-hint = Jede Zeile enthält ihre Untereinheiten. Klicken Sie auf eine Zahl, um die Personen dahinter zu sehen.
apprep-cell-spoken = { $measure }, { $department }: { $value }
apprep-drill-title = { $measure } – { $department } · { $program }, Stichtag { $date }
apprep-drill-count = { $count ->
    [one] 1 Person
   *[other] { $count } Personen
}
apprep-drill-none = Niemand.
apprep-export = Exportieren:
apprep-export-csv = CSV …
apprep-export-xlsx = Excel …
apprep-export-pdf = PDF …
apprep-export-csv-hint = Als CSV-Datei speichern (Semikolon, für Excel)
apprep-export-xlsx-hint = Als Excel-Arbeitsmappe (XLSX) speichern
apprep-export-pdf-hint = Als druckfertigen Bericht (PDF) speichern
apprep-export-dialog = Bericht speichern
apprep-exporting = „{ $file }“ wird geschrieben …
apprep-exported = „{ $file }“ wurde gespeichert ({ $rows ->
    [one] 1 Zeile
   *[other] { $rows } Zeilen
}).
apprep-file-coverage = Abdeckung
apprep-file-matrix = Qualifizierungsmatrix
apprep-file-hours = Fortbildungsstunden
apprep-matrix-columns = Spalten
apprep-matrix-programs = Programme
apprep-matrix-seminars = Seminare
apprep-matrix-department-hint = Zeigt die Beschäftigten dieser Einheit und aller Untereinheiten
apprep-matrix-count = { $shown } von { $total } Beschäftigten
apprep-matrix-none = Niemand passt zu Suche und Filter.
apprep-matrix-no-seminars = Es gibt noch kein Seminar im Katalog.
apprep-legend = Farben:
apprep-legend-valid = gültig
apprep-legend-expiring = läuft in 90 Tagen ab
apprep-legend-expired = abgelaufen
apprep-legend-progress = in Arbeit
apprep-legend-none = – noch nichts
apprep-legend-attended = teilgenommen
apprep-legend-partial = teilweise teilgenommen
apprep-legend-registered = angemeldet
apprep-legend-not-attended = – nicht teilgenommen
apprep-seminar-partial-short = teilw. { $date }
apprep-seminar-registered-short = angem. { $date }
apprep-hours-year = Jahr
apprep-hours-previous = Vorjahr
apprep-hours-next = Folgejahr
apprep-hours-summary = { $employees } Beschäftigte, davon { $trained } fortgebildet · { $hours } Std. insgesamt · { $average } Std. je Person
apprep-hours-departments = Nach Organisationseinheit (Zeile anklicken, um nur deren Personen zu zeigen)
apprep-hours-employees = Je Person
apprep-hours-employees-of = Je Person in { $department }
apprep-hours-show-all = Alle zeigen
apprep-hours-left = Im Laufe des Jahres ausgeschieden

## Programme, Berechtigte, Urkunden in der Desktop-Anwendung (appcert-)
appcert-programs-title = Programme
appcert-programs-count = { $count ->
    [one] 1 Programm
   *[other] { $count } Programme
}
appcert-programs-none-yet = Noch keine Zertifizierungsprogramme. Legen Sie das erste an, z. B. „Digitallotse/Digitallotsin“.
appcert-program-has-errors = Bitte prüfen Sie die markierten Angaben.
appcert-program-add = + Programm anlegen
appcert-program-edit = Programm bearbeiten
appcert-program-new-title = Neues Programm
appcert-program-edit-title = Programm { $code } bearbeiten
appcert-program-added = Das Programm { $code } wurde angelegt.
appcert-program-saved = Änderungen am Programm { $code } wurden gespeichert.
appcert-program-archived = Das Programm { $code } wurde archiviert.
appcert-program-unarchived = Das Programm { $code } ist wieder aktiv.
appcert-program-archive = Archivieren
appcert-program-archive-hint = Ein archiviertes Programm bleibt mit seinen Urkunden erhalten; es werden aber keine neuen Urkunden mehr dafür ausgestellt.
appcert-program-unarchive = Wieder aktivieren
appcert-program-unarchive-hint = Dieses Programm ist archiviert. Aktivieren Sie es wieder, um erneut Urkunden dafür auszustellen.
appcert-program-archived-hint = Dieses Programm ist archiviert: Es werden keine Urkunden mehr dafür ausgestellt.
appcert-archived = archiviert
appcert-col-code = Kürzel
appcert-col-title = Bezeichnung
appcert-col-validity = Gültigkeit
appcert-col-requirements = Anforderungen
appcert-col-due = Berechtigt, ohne Urkunde
appcert-col-certified = Zertifiziert
appcert-months = { $months ->
    [one] 1 Monat
   *[other] { $months } Monate
}
appcert-no-expiry = unbefristet
appcert-hint-code = z. B. DL
appcert-hint-prefix = z. B. DL (ergibt DL-2026-0001)
appcert-hint-male = z. B. Digitallotse
appcert-hint-female = z. B. Digitallotsin
appcert-hint-neutral = z. B. Digitallots:in
appcert-hint-en = z. B. Digital Pilot
appcert-hint-validity = leer = unbefristet
appcert-validity-not-a-number = „{ $text }“ ist keine Zahl von Monaten. Geben Sie z. B. 24 ein oder lassen Sie das Feld leer (unbefristet).
appcert-allow-partial = Teilweise Teilnahme zählt für Pflichtseminare
appcert-allow-partial-hint = Wenn angekreuzt, erfüllt auch eine teilweise Teilnahme (mit angerechneten Stunden) ein Pflichtseminar.
appcert-req-none = Noch keine Anforderung. Ein Programm braucht mindestens eine.
appcert-req-add = Anforderung hinzufügen:
appcert-req-add-seminar = + Pflichtseminar
appcert-req-add-n-of = + Mindestens N aus …
appcert-req-add-hours = + Stunden im Thema
appcert-req-add-prerequisite = + Gültiges Zertifikat
appcert-req-kind-seminar = Pflichtseminar
appcert-req-kind-n-of = Mindestens N aus mehreren Seminaren
appcert-req-kind-hours = Mindestens H Stunden in einem Thema
appcert-req-kind-prerequisite = Gültiges Zertifikat eines anderen Programms
appcert-req-up = Nach oben
appcert-req-down = Nach unten
appcert-req-remove = Anforderung entfernen
appcert-req-at-least = mindestens
appcert-req-of-chosen = { $count ->
    [one] von 1 ausgewählten Seminar
   *[other] von { $count } ausgewählten Seminaren
}
appcert-req-in-topic = im Thema
appcert-req-program = Programm
appcert-req-choose-seminar = Bitte wählen Sie ein Seminar.
appcert-req-choose-program = Bitte wählen Sie ein Programm.
appcert-req-choose-topic = Thema wählen …
appcert-hours-suffix = { " " }Std.
appcert-req-seminar-label = Pflichtseminar „{ $seminar }“
appcert-req-n-of-label = mindestens { $n } von { $of } Seminaren
appcert-req-hours-label = mindestens { $hours } Std. in „{ $topic }“
appcert-req-prerequisite-label = gültiges Zertifikat „{ $program }“
appcert-requirements-line = Anforderungen: { $list }
appcert-eligible-title = { $title } – berechtigt, noch ohne Urkunde: { $count }
appcert-show-all = Alle aktiven Beschäftigten mit Fortschritt zeigen
appcert-select-all-due = Alle Berechtigten auswählen
appcert-col-name = Name
appcert-col-progress = Fortschritt
appcert-col-state = Stand
appcert-all-met = Alle Anforderungen erfüllt
appcert-holds = Urkunde { $serial }, gültig bis { $until }
appcert-eligible-none = Zurzeit erfüllt niemand ohne gültige Urkunde alle Anforderungen. „Alle aktiven Beschäftigten mit Fortschritt zeigen“ zeigt, wie weit die anderen sind.
appcert-eligible-nobody-active = Es gibt keine aktiven Beschäftigten.
appcert-issue-date = Ausstellungsdatum
appcert-signatory-name = Unterzeichnende Person
appcert-signatory-name-hint = z. B. Anke Müller-Weiß
appcert-signatory-title = Funktion
appcert-signatory-title-hint = z. B. Bürgermeisterin
appcert-signatory-override = Gilt nur für diese Ausstellung; die Einstellungen bleiben unverändert.
appcert-issue-submit = { $count ->
    [0] Keine Urkunde ausgewählt
    [one] 1 Zertifikat ausstellen
   *[other] { $count } Zertifikate ausstellen
}
appcert-issue-running = { $count ->
    [one] 1 Zertifikat wird ausgestellt …
   *[other] { $count } Zertifikate werden ausgestellt …
}
appcert-issue-cancelled = Abgebrochen – es wurde kein Zertifikat ausgestellt.
appcert-issued-none = Es wurde kein Zertifikat ausgestellt.
appcert-issued-one = Zertifikat { $serial } ausgestellt.
appcert-issued-many = { $count } Zertifikate ausgestellt: { $first } bis { $last }.
appcert-issue-one-open = Zertifikat ausstellen
appcert-issue-one-title = Zertifikat ausstellen
appcert-issue-one-what = { $title } – { $name }
appcert-issue-one-submit = Zertifikat ausstellen
appcert-print-open = Drucken …
appcert-print-issued-hint = Genau die soeben ausgestellten Urkunden drucken
appcert-employee-programs = Programme
appcert-employee-no-programs = Es gibt noch keine Zertifizierungsprogramme.
appcert-employee-met = { $met } von { $total } Anforderungen erfüllt
appcert-certificates-title = Urkunden
appcert-certificates-count = { $shown } angezeigt · { $valid } gültig
appcert-certificates-none-yet = Noch keine Urkunden ausgestellt. Ausgestellt wird unter „Programme“ oder auf der Seite einer beschäftigten Person.
appcert-certificates-none-found = Keine Urkunde passt zu Suche und Filter.
appcert-search-hint = Nummer, Name, Personalnr.
appcert-filter-all-programs = Alle Programme
appcert-filter-all-status = Alle
appcert-filter-valid = gültig (auch bald ablaufende)
appcert-col-serial = Urkunden-Nr.
appcert-col-program = Programm
appcert-col-issued = Ausgestellt
appcert-col-valid-until = Gültig bis
appcert-col-status = Status
appcert-status-valid = gültig
appcert-status-expiring = läuft ab
appcert-status-expired = abgelaufen
appcert-status-revoked = widerrufen
appcert-status-superseded = ersetzt
appcert-status-not-yet-issued = noch nicht gültig
appcert-select-all-shown = Alle angezeigten auswählen
appcert-selected-count = { $count ->
    [0] keine ausgewählt
    [one] 1 ausgewählt
   *[other] { $count } ausgewählt
}
appcert-select-none = Auswahl aufheben
appcert-print-one = Drucken …
appcert-print-selected = { $count } drucken …
appcert-correct-open = Berichtigen …
appcert-correct-hint = Eine berichtigte Urkunde (z. B. mit korrigiertem Namen) ausstellen; sie ersetzt diese.
appcert-correct-disabled = Wählen Sie genau eine Urkunde, die weder ersetzt noch widerrufen ist.
appcert-revoke-open = Widerrufen …
appcert-revoke-disabled = Wählen Sie genau eine Urkunde, die noch nicht widerrufen ist.
appcert-detail-revoked = widerrufen am { $date }: { $reason }
appcert-detail-superseded = ersetzt durch { $serial }
appcert-reason = Grund
appcert-back = Zurück
appcert-correct-title = Urkunde { $serial } berichtigen
appcert-correct-intro = Es wird eine neue Urkunde mit neuer Nummer ausgestellt, die diese ersetzt. Seminare, Datum und Unterschrift bleiben, wie sie gedruckt wurden; die bisherige Urkunde bleibt als „ersetzt“ erhalten.
appcert-correct-reason-hint = z. B. Schreibweise des Nachnamens
appcert-correct-submit = Berichtigte Urkunde ausstellen
appcert-corrected = Die berichtigte Urkunde hat die Nummer { $new }; { $old } ist damit ersetzt.
appcert-revoke-title = Urkunde { $serial } widerrufen
appcert-revoke-intro = Urkunde { $serial } von { $name }. Eine widerrufene Urkunde bleibt gespeichert, gilt aber nicht mehr; die Prüfung ihres Codes zeigt „Widerrufen“.
appcert-revoke-date = Widerrufen zum
appcert-revoke-reason-hint = z. B. irrtümlich doppelt ausgestellt
appcert-revoke-submit = Weiter …
appcert-revoke-confirm = Urkunde { $serial } wirklich widerrufen? Das lässt sich nicht rückgängig machen.
appcert-revoke-confirm-yes = Ja, endgültig widerrufen
appcert-revoked = Die Urkunde { $serial } wurde widerrufen.
appcert-print-title = Drucken: { $what }
appcert-print-count = { $count } Urkunden
appcert-print-file-stem = Urkunden
appcert-print-orientation = Seite
appcert-print-portrait = A4 hoch
appcert-print-landscape = A4 quer
appcert-print-language = Sprache
appcert-print-target = Ausgabe
appcert-print-merged = Eine PDF-Datei mit allen Urkunden (zum Drucken)
appcert-print-folder = Ein Ordner mit je einer PDF-Datei (Nummer_Nachname.pdf)
appcert-print-choose-file = PDF-Datei wählen und drucken …
appcert-print-choose-folder = Ordner wählen und drucken …
appcert-print-show = Anzeigen
appcert-print-show-hint = Die Urkunde als PDF im Standardprogramm öffnen, von dort drucken oder speichern
appcert-print-save-as = Speichern unter …
appcert-print-dialog-title = Urkunden speichern
appcert-print-filter = PDF-Dokument
appcert-print-loading = Die Urkunden werden geladen …
appcert-print-progress-files = { $done } von { $count } Dateien erzeugt …
appcert-print-progress-pages = { $count ->
    [one] Die Urkunde wird erzeugt …
   *[other] Eine PDF-Datei mit { $count } Seiten wird erzeugt …
}
appcert-print-done-file = { $count ->
    [one] Die Urkunde wurde gespeichert: { $path }
   *[other] { $count } Urkunden wurden in einer Datei gespeichert: { $path }
}
appcert-print-done-folder = { $count } Dateien wurden im Ordner { $path } gespeichert.
appcert-print-done-viewer = Die Urkunde wurde im Standardprogramm für PDF-Dateien geöffnet ({ $path }).
appcert-print-open-file = PDF öffnen
appcert-print-open-folder = Ordner öffnen
appcert-print-again = Erneut drucken …
appcert-print-cancelled = Das Drucken wurde abgebrochen.
appcert-print-cancelled-folder = Bereits erzeugte Dateien bleiben im Ordner.
appcert-print-thread-gone = Das Erzeugen der PDF-Dateien wurde unerwartet beendet. Bitte versuchen Sie es erneut.
appcert-open-failed = { $path } konnte nicht geöffnet werden ({ $detail }). Öffnen Sie die Datei bitte selbst.
appcert-verify-open = Prüfcode prüfen …
appcert-verify-open-hint = Die Echtheit einer Urkunde anhand ihres Prüfcodes prüfen
appcert-verify-title = Urkunde prüfen
appcert-verify-intro = Geben Sie den Prüfcode ein, wie er auf der Urkunde steht (Groß- und Kleinschreibung und Bindestriche spielen keine Rolle), oder fügen Sie den Text des QR-Codes ein.
appcert-verify-code = Prüfcode
appcert-verify-check = Prüfen
appcert-verify-checked = Geprüft: { $code }
appcert-verify-revoked-on = Widerrufen am { $date }: { $reason }
appcert-verify-superseded-by = Ersetzt durch die berichtigte Urkunde { $serial }.
appcert-verify-altered-serial = Urkunden-Nr. { $serial }: Die gespeicherten Angaben wurden verändert. Verlassen Sie sich nicht auf diese Urkunde.
appcert-verify-unknown-hint = Prüfen Sie die Eingabe. Urkunden einer anderen Lotse-Datenbank lassen sich hier nicht prüfen.
appcert-field-name = Name
appcert-field-title = Bezeichnung
appcert-field-program = Programm
appcert-field-organisation = Organisation
appcert-field-place = Ort
appcert-field-issued-on = Ausgestellt am
appcert-field-valid-until = Gültig bis
appcert-field-seminars = Fortbildungen
appcert-field-signatory = Unterzeichnet von
appcert-field-serial = Urkunden-Nr.
appcert-field-code = Prüfcode
appcert-seminar-line = { $title } – { $date }, { $hours } Std.
appcert-total-hours = Insgesamt { $hours } Std.
appcert-settings-title = Urkunden
appcert-settings-logo = Logo
appcert-settings-no-logo = Kein Logo hinterlegt
appcert-settings-logo-choose = Logo wählen …
appcert-settings-logo-remove = Standardlogo verwenden
appcert-settings-default-logo = Standardlogo von Lotse (eine neutrale Kompassrose). Ersetzen Sie es durch das Logo Ihrer Verwaltung.
appcert-settings-logo-replace = Eigenes Logo wählen …
appcert-settings-logo-dialog = Logo für Urkunden wählen
appcert-settings-logo-filter = Bilder (PNG, JPEG)
appcert-settings-logo-saved = Das Logo wurde gespeichert. Es erscheint auf Urkunden, die ab jetzt ausgestellt werden.
appcert-settings-wording-de = Urkundentext (deutsch)
appcert-settings-wording-en = Urkundentext (englisch)
appcert-settings-wording-reset = Standard wiederherstellen
appcert-settings-hint = Der Text steht zwischen dem Namen und der Bezeichnung. Name der Organisation und Ort (oben) stehen ebenfalls auf der Urkunde. Bereits ausgestellte Urkunden bleiben unverändert.
appcert-settings-save = Urkundenangaben speichern
appcert-settings-saved = Die Angaben für Urkunden wurden gespeichert.
appcert-settings-pdfa = Archivierung
appcert-settings-pdfa-check = Als PDF/A-2b drucken (für die E-Akte)
appcert-settings-pdfa-hint = Urkunden und der Abdeckungsbericht werden als archivfähiges PDF/A-2b gedruckt, wie es die E-Akte verlangt. Jede Datei wird dadurch etwa 2 KB größer.
appcert-settings-pdfa-saved = Die Einstellung für PDF/A wurde gespeichert.

## Drucken nur gültiger Fassungen
certs-print-refused = Nicht gedruckt – diese Urkunden dürfen nicht mehr ausgegeben werden:
certs-print-revoked = { $serial } ist widerrufen.
certs-print-superseded = { $serial } wurde durch eine berichtigte Fassung ersetzt; drucken Sie diese.
certs-print-altered = { $serial }: Die gespeicherten Angaben passen nicht mehr zum Prüfcode (in der Datenbank verändert).
certs-left = ist ausgeschieden
certs-missing = erfüllt am Ausstellungsdatum { $met } von { $total } Anforderungen

## Anforderungen als Regel
elig-rule-seminar = Pflichtseminar „{ $seminar }“
elig-rule-n-of = mindestens { $n } von: { $seminars }
elig-rule-hours = mindestens { $hours } Std. in „{ $topic }“
elig-rule-prerequisite = gültiges Zertifikat „{ $program }“

## Kommandozeile: Datenbankpfad
cli-no-database = Die Datenbank { $path } gibt es nicht. Prüfen Sie den Pfad (--db oder LOTSE_DB), oder legen Sie sie mit „lotse demo“, einem Import oder in der App an.
cli-bad-today = LOTSE_TODAY=„{ $value }“ ist kein Datum (erwartet z. B. 2026-11-21).
cli-seminar-line = { $title } ({ $date }, { $hours } Std.)

## Beispieldaten: Grenzen (demo-limit-)
demo-limit-employees = Die Beispielverwaltung kann 1 bis 50 000 Beschäftigte haben.

## Datensicherung, Einspielen, Prüfen (Befehlszeile und Einstellungen)
cli-backup-about = Legt eine Sicherung der Datenbank an: im Ordner „backups“ neben der Datenbank oder, mit -o, in einer Datei Ihrer Wahl.
cli-backup-arg-output = Die Sicherung in diese Datei schreiben statt in den Sicherungsordner.
cli-backups-about = Die Sicherungen im Ordner „backups“ neben der Datenbank.
cli-backups-list-about = Listet die Sicherungen mit Zeitpunkt, Anlass, Größe und Inhalt auf.
cli-restore-about = Ersetzt die Datenbank durch eine Sicherung. Der aktuelle Stand wird vorher gesichert, sodass sich das Einspielen rückgängig machen lässt.
cli-restore-arg-file = Die Sicherungsdatei.
cli-restore-arg-yes = Ohne Rückfrage einspielen.
cli-check-about = Prüft die Datenbank (SQLite-Prüfungen und die Regeln von Lotse) und repariert mit --repair, was sich gefahrlos reparieren lässt.
cli-check-arg-repair = Reparieren, was sich gefahrlos reparieren lässt (nach einer Sicherung).
cli-backup-written = Sicherung geschrieben: { $path } ({ $employees } Beschäftigte, { $certificates } Zertifikate).
cli-restore-confirm = Die Datenbank { $db } wird durch die Sicherung { $file } ersetzt ({ $employees } Beschäftigte, { $certificates } Zertifikate). Alle Änderungen seit dieser Sicherung werden ersetzt; der aktuelle Stand wird vorher gesichert.
cli-restore-needs-yes = Geben Sie --yes an, um die Sicherung ohne Rückfrage einzuspielen.
cli-yes-no-prompt = j/n
cli-restore-cancelled = Abgebrochen; die Datenbank wurde nicht verändert.
cli-restored = Die Sicherung { $file } wurde eingespielt ({ $employees } Beschäftigte, { $certificates } Zertifikate).
cli-restore-undo = Der Stand vor dem Einspielen wurde gesichert: { $file } (zum Rückgängigmachen: lotse restore "{ $file }").
cli-restore-kept = Die beschädigte Datei wurde aufbewahrt als { $file }.
cli-daily-backup-failed = Die Änderung ist gespeichert, aber die tägliche Sicherung konnte nicht angelegt werden: { $reason }
backup-thinning-invalid = Bitte behalten Sie mindestens die Sicherungen eines Tages.
backup-needs-file = Nur eine Datenbankdatei lässt sich sichern.
backup-on-server = Diese Datenbank liegt auf einem PostgreSQL-Server; Sicherungen macht dort der Server, nicht Lotse. Bitten Sie Ihre IT um regelmäßige Sicherungen, zum Beispiel mit: pg_dump -Fc -f lotse.dump { $url }
backup-col-taken = Zeitpunkt
backup-col-reason = Anlass
backup-col-size = Größe
backup-col-employees = Beschäftigte
backup-col-certificates = Zertifikate
backup-col-file = Datei
backup-unreadable = nicht lesbar
backup-reason-manual = von Hand
backup-reason-closing = beim Beenden
backup-reason-daily = erste Änderung des Tages
backup-reason-before-migration = vor der Aktualisierung
backup-reason-before-restore = vor dem Einspielen
backup-reason-before-repair = vor der Reparatur
check-ok = Die Datenbank ist in Ordnung.
check-hint-repair = Mit „lotse check --repair“ (oder „Reparieren“ in den Einstellungen) lässt sich das beheben; vorher wird eine Sicherung angelegt.
check-hint-restore = Das lässt sich nicht gefahrlos reparieren. Spielen Sie eine Sicherung ein (lotse backups list, lotse restore DATEI).
check-backup-taken = Vor der Reparatur gesichert: { $file }
check-repaired = Repariert: { $what }
check-integrity = SQLite hat in der Datei beschädigte Seiten oder Verzeichnisse (Indizes) gefunden.
check-orphan = Ein Eintrag in { $table } (Nr. { $row }) verweist auf einen Eintrag in { $parent }, den es nicht mehr gibt.
check-serial-gap = In den Nummern der Zertifikate { $program } { $year } fehlen: { $numbers }.
check-certificate-altered = Die gespeicherten Angaben des Zertifikats { $serial } passen nicht mehr zu seinem Prüfcode; sie wurden nach der Ausstellung verändert.
check-superseded-mismatch = Das Zertifikat { $serial } ist als ersetzt markiert durch ein Zertifikat einer anderen Person oder eines anderen Programms.
check-department-cycle = Die Organisationseinheit { $code } ist über ihre übergeordneten Einheiten ihre eigene Obereinheit.
check-table-attendance = Teilnahmen
check-table-session = Termine
check-table-seminar = Seminare
check-table-requirement = Anforderungen
check-table-requirement-seminar = Seminare einer Anforderung
check-table-employee = Beschäftigte
check-table-department = Organisationseinheiten
check-table-certificate = Zertifikate
check-table-program = Programme
check-table-asset = Logos
app-settings-tab-general = Allgemein
app-settings-tab-certificates = Urkunden
app-settings-backup = Datensicherung
appbackup-intro = Lotse sichert die Datenbank automatisch: beim Beenden, nach der ersten Änderung eines Tages und vor jeder Aktualisierung, Reparatur und jedem Einspielen. Ältere Sicherungen werden ausgedünnt.
appbackup-folder = Sicherungsordner:
appbackup-open-folder = Ordner öffnen
appbackup-open-folder-failed = Der Sicherungsordner konnte nicht geöffnet werden. Öffnen Sie ihn bitte im Dateimanager.
appbackup-take = Jetzt sichern
appbackup-taking = Sicherung läuft …
appbackup-taken = Sicherung angelegt ({ $employees } Beschäftigte, { $certificates } Zertifikate).
appbackup-cancelled = Die Sicherung wurde abgebrochen; es wurde nichts geschrieben.
appbackup-check = Datenbank prüfen
appbackup-check-hint = Prüft die ganze Datei (SQLite) und die Regeln von Lotse: lückenlose Nummern, unveränderte Zertifikate, keine verwaisten Einträge.
appbackup-checking = Prüfung läuft …
appbackup-check-found = Die Prüfung hat { $count } Probleme gefunden:
appbackup-repair = Reparieren
appbackup-repairing = Reparatur läuft …
appbackup-repair-hint = „Reparieren“ behebt, was sich gefahrlos beheben lässt; vorher wird eine Sicherung angelegt.
appbackup-restore-hint = Das lässt sich nicht gefahrlos reparieren. Spielen Sie eine Sicherung von vor dem Problem ein.
appbackup-none = Es gibt noch keine Sicherung. Die erste entsteht beim Beenden oder mit „Jetzt sichern“.
appbackup-restore = Einspielen …
appbackup-restoring = Sicherung wird eingespielt …
appbackup-restored = Die Sicherung wurde eingespielt ({ $employees } Beschäftigte, { $certificates } Zertifikate). Der vorherige Stand liegt als Sicherung „vor dem Einspielen“ bereit.
appbackup-restore-title = Sicherung einspielen?
appbackup-restore-question = Die Datenbank wird durch die Sicherung vom { $taken } ersetzt ({ $employees } Beschäftigte, { $certificates } Zertifikate). Alle Änderungen seit dieser Sicherung werden dabei ersetzt. Der aktuelle Stand wird vorher gesichert, sodass Sie das Einspielen rückgängig machen können.
appbackup-restore-yes = Sicherung einspielen
appbackup-thinning = Aufbewahrung der Sicherungen
appbackup-thinning-hint = Die neueste Sicherung bleibt immer erhalten; ausgedünnt wird erst, nachdem eine neue Sicherung geprüft ist.
appbackup-keep-all-days = Alle Sicherungen der letzten … Tage
appbackup-keep-daily-days = Eine je Tag für … Tage
appbackup-keep-weekly-weeks = Eine je Woche für … Wochen
appbackup-keep-monthly-months = Eine je Monat für … Monate
appbackup-thinning-saved = Die Aufbewahrung der Sicherungen wurde gespeichert.
appbackup-closing-failed = Beim Beenden konnte keine Sicherung angelegt werden: { $reason }
appbackup-daily-failed = Die tägliche Sicherung konnte nicht angelegt werden: { $reason } Ihre Änderungen sind gespeichert.
appbackup-thinning-save = Aufbewahrung speichern

## Aufbewahrung ausgeschiedener Beschäftigter (Issue 10)
retention-action-anonymise = anonymisieren
retention-action-delete = löschen
retention-action-anonymise-explained = Name, E-Mail-Adresse und Personalnummer werden ersetzt; Teilnahmen und Urkunden bleiben ohne Personenbezug erhalten, sodass Berichte ihre Summen behalten.
retention-action-delete-explained = Die Person wird mit ihren Teilnahmen gelöscht; ausgestellte Urkunden bleiben ohne Namen prüfbar. Berichte über vergangene Jahre zählen sie danach nicht mehr.
retention-years-invalid = Die Aufbewahrungsfrist muss zwischen 1 und { $max } Jahren liegen.
retention-policy = Aufbewahrungsfrist: { $years ->
    [one] 1 Jahr
   *[other] { $years } Jahre
} nach dem Austritt, danach { $action ->
    [delete] löschen
   *[other] anonymisieren
}.
retention-applied = { $count ->
    [one] 1 ausgeschiedene Person wurde
   *[other] { $count } ausgeschiedene Beschäftigte wurden
} { $action ->
    [delete] gelöscht
   *[other] anonymisiert
} ({ $attendance ->
    [one] 1 Teilnahme
   *[other] { $attendance } Teilnahmen
}, { $certificates ->
    [one] 1 Urkunde
   *[other] { $certificates } Urkunden
}).
retention-failed = Bei { $name } ({ $number }) ist es fehlgeschlagen: { $reason } Der Lauf wurde dort angehalten; { $remaining ->
    [one] 1 Person ist
   *[other] { $remaining } Personen sind
} noch fällig.
retention-col-exit = Austritt
retention-col-due-since = Fällig seit
retention-col-attendance = Teilnahmen
retention-col-certificates = Urkunden
retention-cli-none = Niemand hat die Aufbewahrungsfrist überschritten.
retention-cli-dry-run = Probelauf, nichts wurde geändert: { $count ->
    [one] 1 Person würde
   *[other] { $count } Personen würden
} { $action ->
    [delete] gelöscht
   *[other] anonymisiert
}. Mit --apply ausführen.
cli-privacy-about = Personenbezogene Daten einer beschäftigten Person (DSGVO): Auskunft (Art. 15) und Löschung (Art. 17).
cli-privacy-export-about = Schreibt alles, was Lotse über eine beschäftigte Person speichert, in eine ZIP-Datei (Auskunft nach Art. 15 DSGVO).
cli-privacy-export-arg-personnel-number = Die Personalnummer.
cli-privacy-export-arg-output = Die ZIP-Datei, die geschrieben wird.
cli-privacy-erase-about = Löscht eine beschäftigte Person (Art. 17 DSGVO): anonymisiert sie, oder löscht mit --delete. Ohne --yes wird nur gezeigt, was geschähe; nichts ändert sich.
cli-privacy-erase-arg-personnel-number = Die Personalnummer.
cli-privacy-erase-arg-delete = Die Teilnahmen (und den Datensatz, wenn keine Zertifikate ihn brauchen) löschen statt anonymisieren.
cli-privacy-erase-arg-also-backups = Die Person auch aus allen Sicherungen im Ordner „backups“ löschen.
cli-privacy-erase-arg-yes = Bestätigen: wirklich löschen.
cli-privacy-retention-about = Zeigt die ausgeschiedenen Beschäftigten, deren Aufbewahrungsfrist abgelaufen ist (Probelauf), und löscht oder anonymisiert sie mit --apply, wie in den Einstellungen festgelegt.
cli-privacy-retention-arg-apply = Die Fristen anwenden: alle Fälligen löschen oder anonymisieren (ohne diese Option ändert sich nichts).
app-nav-retention = Aufbewahrung
appret-title = Aufbewahrung ausgeschiedener Beschäftigter
appret-intro = Fortbildungsnachweise gehören zur Personalakte und werden nach dem Austritt nur für eine bestimmte Frist aufbewahrt (§ 113 BBG und Landesrecht: meist 5 Jahre). Danach sind sie zu löschen oder zu anonymisieren.
appret-change-settings = Frist ändern …
appret-none = Niemand hat die Aufbewahrungsfrist überschritten.
appret-reminder = { $count ->
    [one] 1 ausgeschiedene Person hat
   *[other] { $count } ausgeschiedene Beschäftigte haben
} die Aufbewahrungsfrist überschritten
appret-reminder-hint = Zur Liste der Fälligen unter „Aufbewahrung“
appret-reminder-open = Anzeigen
appret-apply = Fristgerecht { $action ->
    [delete] löschen
   *[other] anonymisieren
} …
appret-applying = Wird ausgeführt …
appret-confirm-title = Fristgerecht { $action ->
    [delete] löschen
   *[other] anonymisieren
}?
appret-confirm-question = { $count ->
    [one] 1 ausgeschiedene Person wird
   *[other] { $count } ausgeschiedene Beschäftigte werden
} { $action ->
    [delete] gelöscht
   *[other] anonymisiert
} ({ $attendance ->
    [one] 1 Teilnahme
   *[other] { $attendance } Teilnahmen
}, { $certificates ->
    [one] 1 Urkunde
   *[other] { $certificates } Urkunden
}).
appret-confirm-undo = Das lässt sich nur durch Einspielen einer Sicherung rückgängig machen.
appret-confirm-yes = { $count ->
    [one] 1 Person
   *[other] { $count } Personen
} { $action ->
    [delete] löschen
   *[other] anonymisieren
}
appret-settings-title = Aufbewahrung ausgeschiedener Beschäftigter
appret-settings-hint = Wie lange die Daten ausgeschiedener Beschäftigter nach dem Austrittsdatum aufbewahrt werden. Wer die Frist überschritten hat, zeigt die Seite „Aufbewahrung“; gelöscht oder anonymisiert wird erst nach Ihrer Bestätigung.
appret-settings-years = Frist in Jahren nach dem Austritt
appret-settings-action = Danach
appret-settings-save = Aufbewahrungsfrist speichern
appret-settings-saved = Die Aufbewahrungsfrist wurde gespeichert.

## Audit log (issue 10): the Protokoll screen, `lotse audit`, exports.
audit-entity-employee = Beschäftigte
audit-entity-department = Organisationseinheit
audit-entity-attendance = Teilnahme
audit-entity-certificate = Urkunde
audit-entity-session = Termin
audit-entity-seminar = Seminar
audit-entity-program = Programm
audit-entity-setting = Einstellung
audit-entity-import = Import
audit-entity-demo = Beispieldaten
audit-entity-database = Datenbank
audit-action-add = angelegt
audit-action-edit = geändert
audit-action-delete = gelöscht
audit-action-remove = entfernt
audit-action-issue = ausgestellt
audit-action-revoke = widerrufen
audit-action-supersede = ersetzt
audit-action-correct = berichtigt
audit-action-restore = Sicherung eingespielt
audit-action-repair = repariert
audit-action-archive = archiviert
audit-action-unarchive = aus dem Archiv geholt
audit-action-activate = aktiviert
audit-action-deactivate = deaktiviert
audit-action-leave = ausgeschieden
audit-action-reinstate = wieder aktiv
audit-action-create = erzeugt
audit-action-generate = erzeugt
audit-action-import = importiert
audit-action-export = exportiert
audit-action-erase = gelöscht (Datenschutz)
audit-col-id = Nr.
audit-col-at = Zeitpunkt
audit-col-user = Benutzer
audit-col-kind = Art
audit-col-entity-id = Datensatz
audit-col-action = Aktion
audit-col-personnel-number = Personalnummer
audit-col-employee = Name
audit-col-summary = Details
audit-employee-gone = (nicht mehr vorhanden)
audit-sheet-name = Protokoll
cli-migrate-to-about = Kopiert die ganze Datenbank in eine leere: eine PostgreSQL-Datenbank (postgres://benutzer@server/datenbank) oder eine neue Datei. Danach werden beide gezählt und verglichen.
cli-migrate-to-arg-target = Wohin: postgres://benutzer@server/datenbank oder eine Datei.
cli-setup-roles-about = Legt auf einer PostgreSQL-Datenbank die Rollen lotse_officer (lesen und ändern) und lotse_reader (nur lesen) an und vergibt ihre Rechte. Auszuführen vom Eigentümer der Datenbank.
cli-migrated = Kopiert nach { $target }: { $employees } Beschäftigte, { $attendance } Teilnahmen, { $certificates } Zertifikate, { $audit } Protokolleinträge – die Anzahlen stimmen überein.
cli-roles-done = Die Rollen lotse_officer und lotse_reader sind eingerichtet. Ordnen Sie ihnen nun die Anmeldungen zu, zum Beispiel: GRANT lotse_officer TO anna;
migrate-target-not-empty = Die Zieldatenbank ist nicht leer; es wurde nichts kopiert. Geben Sie eine neue, leere Datenbank als Ziel an.
migrate-counts-differ = Nach dem Kopieren stimmen die Anzahlen in Quelle und Ziel nicht überein. Verwenden Sie die Zieldatenbank nicht; Einzelheiten stehen im Protokoll (lotse.log).
roles-need-server = Rollen gibt es nur in einer PostgreSQL-Datenbank; eine Datenbankdatei schützt das Betriebssystem mit den Rechten der Datei.
cli-audit-about = Das Protokoll aller Änderungen: wer hat wann was geändert.
cli-audit-list-about = Listet Protokolleinträge auf, die neuesten zuerst.
cli-audit-export-about = Exportiert die Protokolleinträge der Auswahl als .csv oder .xlsx.
cli-audit-list-arg-from = Nur Einträge ab diesem Tag (TT.MM.JJJJ oder JJJJ-MM-TT).
cli-audit-list-arg-to = Nur Einträge bis zu diesem Tag einschließlich.
cli-audit-list-arg-employee = Nur Einträge zu dieser Person (Personalnummer): ihre Stammdaten, Teilnahmen und Urkunden.
cli-audit-list-arg-kind = Nur diese Art von Datensatz: employee, department, attendance, certificate, session, seminar, program, setting, import, demo, database.
cli-audit-list-arg-action = Nur diese Aktion, z. B. add, edit, issue, revoke.
cli-audit-list-arg-user = Nur Änderungen dieses Benutzers (Anmeldename).
cli-audit-list-arg-limit = Höchstens so viele Einträge, die neuesten zuerst (Standard: 100; 0 = alle).
cli-audit-list-arg-format = Ausgabeformat: table, csv oder json.
cli-audit-export-arg-from = Nur Einträge ab diesem Tag (TT.MM.JJJJ oder JJJJ-MM-TT).
cli-audit-export-arg-to = Nur Einträge bis zu diesem Tag einschließlich.
cli-audit-export-arg-employee = Nur Einträge zu dieser Person (Personalnummer): ihre Stammdaten, Teilnahmen und Urkunden.
cli-audit-export-arg-kind = Nur diese Art von Datensatz: employee, department, attendance, certificate, session, seminar, program, setting, import, demo, database.
cli-audit-export-arg-action = Nur diese Aktion, z. B. add, edit, issue, revoke.
cli-audit-export-arg-user = Nur Änderungen dieses Benutzers (Anmeldename).
cli-audit-export-arg-output = Die Zieldatei: .csv oder .xlsx.
cli-audit-more = Gezeigt werden die neuesten { $shown } von { $total } Einträgen; mehr mit --limit (0 = alle).
cli-audit-unknown-employee = Es gibt niemanden mit der Personalnummer { $number }.
app-nav-audit = Protokoll
appaudit-title = Protokoll
appaudit-count = { $n ->
    [one] 1 Eintrag
   *[other] { $count } Einträge
}
appaudit-from = Von
appaudit-to = Bis
appaudit-kind = Art
appaudit-all-kinds = Alle Arten
appaudit-user = Benutzer
appaudit-all-users = Alle Benutzer
appaudit-employee = Person
appaudit-employee-hint = Personalnummer oder Name
appaudit-employee-clear = Nicht mehr nach dieser Person filtern
appaudit-employee-none = Niemand gefunden.
appaudit-filter-reset = Filter zurücksetzen
appaudit-loading = Wird geladen …
appaudit-empty = Keine Einträge für diese Auswahl.
appaudit-export = Exportieren:
appaudit-export-csv = CSV
appaudit-export-xlsx = Excel
appaudit-export-hint = Exportiert alle Einträge der Auswahl, auch die noch nicht geladenen.
appaudit-export-dialog = Protokoll exportieren
appaudit-exporting = Exportiere nach „{ $file }“ …
appaudit-exported = „{ $file }“ wurde gespeichert ({ $rows ->
    [one] ein Eintrag
   *[other] { $rows } Einträge
}).
appaudit-file = Protokoll
appaudit-show-changes = Änderungen anzeigen
appaudit-show-changes-hint = Öffnet das Protokoll mit allen Änderungen zu dieser Person.

## Datenschutz: Auskunft (Art. 15) und Löschung (Art. 17) einer Person
privacy-already-erased = Die Person wurde bereits anonymisiert.
privacy-erased-person = gelöschte Person
verify-holder-erased = { $status }, Inhaber:in gelöscht
certs-print-holder-erased = { $serial }: Die Inhaberin bzw. der Inhaber wurde gelöscht; die Urkunde kann nicht mehr gedruckt werden.
privacy-mode-anonymise = anonymisieren
privacy-mode-delete = löschen
privacy-unknown-employee = Keine Person mit der Personalnummer { $number }.
privacy-cli-exported = Auskunft gespeichert: { $path } ({ $attendance } Teilnahmen, { $certificates } Zertifikate, { $audit } Protokolleinträge).
privacy-cli-needs-yes = Nichts wurde geändert. Zum Löschen mit --yes wiederholen (mit --also-backups auch in den Sicherungen).
privacy-plan-heading = Löschung von { $name } (Personalnummer { $number }):
privacy-plan-already-erased = Die Person wurde bereits anonymisiert; es bleibt nur der anonyme Platzhalter.
privacy-plan-mode-anonymise = Art: anonymisieren – Name, Personalnummer, E-Mail und Funktion werden ersetzt bzw. geleert; Abteilung, Ein- und Austritt bleiben für die Berichte vergangener Jahre.
privacy-plan-mode-delete = Art: löschen – die Teilnahmen werden gelöscht; Berichte vergangener Jahre zählen die Person nicht mehr.
privacy-plan-attendance-keep = { $count } Teilnahmen bleiben anonym erhalten (Status, Stunden); { $notes } Notizen werden geleert.
privacy-plan-attendance-delete = { $count } Teilnahmen werden gelöscht.
privacy-plan-waitlist = { $count ->
    [one] Ein Platz auf einer Warteliste wird gelöscht.
   *[other] { $count } Plätze auf Wartelisten werden gelöscht.
}
privacy-plan-certificates = { $count } Zertifikate bleiben prüfbar (Nummer, Programm, Daten, Status), aber ohne Namen.
privacy-plan-audit = { $count } Protokolleinträge werden ohne personenbezogene Angaben neu gefasst.
privacy-plan-placeholder = Der Datensatz bleibt als anonymer Platzhalter („gelöschte Person“).
privacy-plan-row-deleted = Der Datensatz wird ganz gelöscht.
privacy-plan-no-backups = Keine Sicherung enthält die Person.
privacy-plan-backups = { $count ->
    [one] Eine Sicherung enthält die Person noch:
   *[other] { $count } Sicherungen enthalten die Person noch:
}
privacy-plan-backup-line = – { $file }: wird nach dem Sicherungsplan am { $until } gelöscht
privacy-plan-backup-line-kept = – { $file }: bleibt nach dem Sicherungsplan vorerst erhalten
privacy-erased = Gelöscht ({ $mode }): { $attendance } Teilnahmen, { $certificates } Zertifikate, { $audit } Protokolleinträge.
privacy-erased-backups = Auch aus { $count } Sicherungen gelöscht.
privacy-erased-backup-failed = Sicherung nicht geändert: { $file }: { $reason }
privacy-wal-busy = Ein anderes Programm hat die Datenbank geöffnet; alte Inhalte verschwinden aus der Datei, sobald es geschlossen wird.
privacy-export-title = Auskunft nach Art. 15 DSGVO
privacy-export-intro = Alle Daten, die Lotse bei { $organisation } über diese Person speichert, Stand { $date }.
privacy-export-person = Person
privacy-export-purpose = Zweck und Rechtsgrundlage
privacy-export-purpose-text = Lotse speichert Fortbildungen der Beschäftigten: Anmeldungen, Teilnahmen und ausgestellte Zertifikate, um Qualifikationen nachzuweisen und die Fortbildung zu planen.
privacy-export-legal-text = Rechtsgrundlage ist die Durchführung des Beschäftigungsverhältnisses (§ 26 BDSG bzw. das Landesrecht) in Verbindung mit Art. 6 Abs. 1 Buchst. c und e DSGVO.
privacy-export-storage-text = Die Daten liegen in der Lotse-Datenbank der Dienststelle und in ihren Sicherungen; sie werden nach dem Ausscheiden für die vorgeschriebene Frist aufbewahrt und danach gelöscht oder anonymisiert.
privacy-export-since = Gespeichert seit: { $date }
privacy-export-none = keine
privacy-export-attendance = Anmeldungen und Teilnahmen
privacy-export-certificates = Zertifikate
privacy-export-certificates-note = Widerrufene und ersetzte Zertifikate sind mit ihrem Status aufgeführt. Die Urkunden liegen als PDF im Ordner „urkunden“.
privacy-export-history = Änderungen des Datensatzes (auch Abteilungswechsel)
privacy-export-history-note = Lotse speichert nur die aktuelle Abteilung; frühere Änderungen am Datensatz zeigt das Protokoll.
privacy-export-audit = Protokolleinträge zu dieser Person
privacy-export-audit-note = Wer wann was an den Daten dieser Person geändert hat.
privacy-export-files = Dateien dieser Auskunft
privacy-export-files-text = auskunft.html (diese Übersicht), daten.json (dieselben Daten strukturiert), stammdaten.csv, teilnahmen.csv, zertifikate.csv, protokoll.csv (für Excel) und urkunden/ (die Zertifikate als PDF).
privacy-field-personnel-number = Personalnummer
privacy-field-salutation = Anrede
privacy-field-first-name = Vorname
privacy-field-last-name = Nachname
privacy-field-email = E-Mail
privacy-field-department = Abteilung
privacy-field-job-title = Funktion
privacy-field-entry = Eintritt
privacy-field-exit = Austritt
privacy-field-erased = Gelöscht am
privacy-col-field = Feld
privacy-col-value = Wert
privacy-col-code = Kürzel
privacy-col-seminar = Seminar
privacy-col-topic = Themenbereich
privacy-col-when = Termin
privacy-col-status = Status
privacy-col-hours = Stunden
privacy-col-note = Notiz
privacy-col-serial = Nummer
privacy-col-program = Programm
privacy-col-title = Bezeichnung
privacy-col-issued = Ausgestellt
privacy-col-valid-until = Gültig bis
privacy-col-revoked = Widerrufen am
privacy-col-reason = Grund
privacy-col-superseded-by = Ersetzt durch
privacy-col-file = Datei
privacy-col-at = Zeitpunkt
privacy-col-actor = Benutzer
privacy-col-entity = Datensatz
privacy-col-action = Aktion
privacy-col-summary = Beschreibung
privacy-export-button = Datenauskunft…
privacy-export-button-hint = Speichert alles, was Lotse über diese Person weiß, als ZIP (Art. 15 DSGVO).
privacy-export-save-title = Datenauskunft speichern
privacy-export-saved = Auskunft gespeichert: { $path }
privacy-erase-button = Löschen…
privacy-erase-button-hint = Person anonymisieren oder löschen (Art. 17 DSGVO); zeigt vorher, was geschieht.
privacy-erase-title = Person löschen (Art. 17 DSGVO)
privacy-erase-how = Wie?
privacy-erase-anonymise-hint = Die Teilnahmen bleiben anonym für die Berichte vergangener Jahre.
privacy-erase-delete-hint = Auch die Teilnahmen werden gelöscht.
privacy-erase-also-backups = auch aus den Sicherungen löschen
privacy-erase-irreversible = Das kann nicht rückgängig gemacht werden.
privacy-erase-confirm = Endgültig löschen
privacy-erase-cancel = Abbrechen
privacy-erase-loading = Plan wird ermittelt…
employee-delete-has-records = Diese Person kann nicht einfach gelöscht werden: Zu ihr gibt es { $attendance ->
        [one] 1 Teilnahme
       *[other] { $attendance } Teilnahmen
    } und { $certificates ->
        [one] 1 Zertifikat
       *[other] { $certificates } Zertifikate
    }. Entfernen Sie sie mit der Löschung nach Art. 17 DSGVO: im Formular der Person „Löschen…“, auf der Kommandozeile „lotse privacy erase“. Es wurde nichts verändert.
employee-delete-would = Zu { $name } ({ $number }) gibt es keine Teilnahmen und keine Zertifikate; der Datensatz würde gelöscht. Die Protokolleinträge zu dieser Person bleiben.
employee-delete-needs-yes = Nichts wurde geändert. Zum Löschen mit --yes wiederholen.
employee-deleted = { $name } ({ $number }) wurde gelöscht.
app-employee-delete-title = Person löschen
app-employee-delete-text = Zu { $name } ({ $number }) gibt es keine Teilnahmen und keine Zertifikate – etwa weil der Datensatz versehentlich angelegt wurde. Er kann einfach gelöscht werden; die Protokolleinträge zu dieser Person bleiben.
app-employee-delete-confirm = Datensatz löschen
app-employee-delete-erasure-note = Zu dieser Person gibt es Teilnahmen oder Zertifikate. Sie kann deshalb nur nach Art. 17 DSGVO gelöscht werden: anonymisiert oder mit ihren Teilnahmen.
cli-no-desktop-app = Diese Ausgabe von Lotse enthält keine Desktop-Anwendung (sie wurde ohne das Merkmal „gui“ gebaut), nur die Befehle. Welche es gibt, zeigt: lotse --help

## Kalenderdateien (.ics)

ics-link = Link zur Teilnahme
ics-written-invitation = Die Einladung wurde in { $file } gespeichert.
ics-written-cancel = Die Absage wurde in { $file } gespeichert. Senden Sie sie an die Teilnehmenden, bevor Sie den Termin löschen.
ics-attendees = { $count ->
    [one] 1 Person ist darin eingeladen.
   *[other] { $count } Personen sind darin eingeladen.
}
ics-without-email = { $count ->
    [one] 1 Person hat keine E-Mail-Adresse und fehlt darin; tragen Sie die Adresse bei den Beschäftigten nach, wenn sie die Einladung bekommen soll.
   *[other] { $count } Personen haben keine E-Mail-Adresse und fehlen darin; tragen Sie die Adressen bei den Beschäftigten nach, wenn sie die Einladung bekommen sollen.
}
ics-no-organizer = Die Datei nennt keinen Organisator: Tragen Sie unter Einstellungen → Allgemein eine Organisator-E-Mail-Adresse ein, damit Kalender sie als Einladung behandeln.
appics-invitation = Einladung (.ics) …
appics-cancel = Absage (.ics) …
appics-with-attendees = mit Teilnehmenden als Eingeladene
appics-hint = Die Kalenderdatei gilt für den gespeicherten Stand des Termins. Eine Absage senden Sie an die Teilnehmenden, bevor Sie den Termin löschen.
appics-no-organizer = Für Einladungen mit Rückmeldung tragen Sie unter Einstellungen → Allgemein eine Organisator-E-Mail-Adresse ein.
appics-file-filter = Kalenderdatei
appics-file-name = Einladung
appics-cancel-file-name = Absage
appics-title = Kalenderdatei

## Compliance report for audits (issue 14, point 5)
compliance-title = Prüfbericht Qualifizierung und Zertifizierung
compliance-as-of = Stichtag: { $date }
compliance-scope-all = Bereich: gesamte Verwaltung
compliance-generated = Erstellt am { $date } um { $time } Uhr von { $user }
compliance-intro = Dieser Bericht weist nach, wie viele Beschäftigte am Stichtag ein gültiges Zertifikat der Zertifizierungsprogramme haben, wer welches Zertifikat bis wann hält, wessen Zertifikat abgelaufen ist, ohne dass ein neues ausgestellt wurde, und welche Zertifikate widerrufen wurden.
compliance-section-summary = 1. Übersicht je Programm
compliance-section-coverage = 2. Abdeckung nach Organisationseinheiten
compliance-section-holders = 3. Gültige Zertifikate
compliance-section-expired = 4. Abgelaufene Zertifikate ohne gültige Nachfolge
compliance-section-revoked = 5. Widerrufene Zertifikate
compliance-program-count = { $program }: { $count }
compliance-none = Keine.
compliance-no-expiry = unbefristet
compliance-col-program = Programm
compliance-col-name = Name
compliance-col-personnel = Personalnr.
compliance-col-revoked = widerrufen
compliance-col-reason = Grund des Widerrufs
compliance-col-item = Angabe
compliance-col-value = Wert
compliance-col-organisation = Organisation
compliance-col-generated-at = Erstellt am
compliance-col-generated-by = Erstellt von
compliance-sheet-about = Bericht
compliance-sheet-summary = Übersicht
compliance-sheet-holders = Gültige Zertifikate
compliance-sheet-expired = Abgelaufen
compliance-sheet-revoked = Widerrufen
compliance-error-csv = Den Prüfbericht gibt es als PDF (.pdf) oder Excel-Arbeitsmappe (.xlsx). Bitte wählen Sie eine dieser Dateiendungen.
apprep-compliance = Prüfbericht für Audits:
apprep-compliance-all = Gesamte Verwaltung
apprep-compliance-pdf = PDF …
apprep-compliance-xlsx = Excel …
apprep-compliance-as-of = zum oben gewählten Stichtag
apprep-compliance-hint = Ein Bericht für Prüfer und Verwaltungsleitung: Abdeckung je Programm und Organisationseinheit, wer welches Zertifikat bis wann hält, abgelaufene und widerrufene Zertifikate, mit Erstellungsdatum, Ersteller und Seitenzahlen.
apprep-file-compliance = Pruefbericht
## Verlängerungen (renew-, Befehlszeile cli-renewals-)

renew-title = Verlängerungen
renew-band-expired = abgelaufen
renew-band-within = ≤ { $days } Tage
renew-missing = fehlt: { $items }
renew-complete = alles erfüllt – kann verlängert werden
renew-need-n-of = noch { $n } aus: { $seminars }
renew-need-hours = { $hours } von { $needed } Std. { $topic }
renew-need-prerequisite = gültiges Zertifikat „{ $program }“
renew-session = { $seminar }: { $when }
renew-none = Kein Zertifikat ist abgelaufen oder läuft in den nächsten { $days } Tagen ab.
renew-col-department = Organisationseinheit
renew-col-name = Name
renew-col-program = Programm
renew-col-serial = Nummer
renew-col-valid-until = Gültig bis
renew-col-days = Tage
renew-col-band = Stufe
renew-col-missing = Für die Verlängerung
renew-col-sessions = Nächste Termine
renew-thresholds-not-positive = Die Erinnerungsfristen müssen ganze Zahlen größer als 0 sein. Bitte tragen Sie die Tage neu ein.
renew-thresholds-not-increasing = Die Erinnerungsfristen müssen von der kürzesten zur längsten zunehmen, zum Beispiel 30, 60 und 90 Tage. Bitte korrigieren Sie die Reihenfolge.
renew-cli-bad-within = Bei --within sind mindestens 1 Tag anzugeben, zum Beispiel --within 90.
renew-cli-drafts-folder = Die Entwürfe liegen im Ordner { $dir }.
renew-drafts-saved = { $count ->
    [one] 1 Entwurf gespeichert
   *[other] { $count } Entwürfe gespeichert
}
renew-drafts-saved-without = { $saved }; { $count ->
    [one] 1 Person ohne E-Mail-Adresse
   *[other] { $count } Personen ohne E-Mail-Adresse
}: { $names }
renew-mailto-no-address = Keine der ausgewählten Personen hat eine E-Mail-Adresse. Tragen Sie die Adressen bei den Beschäftigten nach.
renew-mailto-too-long = Die { $count } Adressen sind zu viele für einen Aufruf des Mailprogramms. Speichern Sie stattdessen E-Mail-Entwürfe oder wählen Sie weniger Personen aus.
renew-mailto-subject = Verlängerung Ihres Zertifikats
renew-mail-subject = Verlängerung Ihres Zertifikats „{ $program }“ ({ $serial })
renew-mail-greeting = { $salutation ->
    [female] Sehr geehrte Frau { $last },
    [male] Sehr geehrter Herr { $last },
   *[neutral] Guten Tag { $first } { $last },
}
renew-mail-expired = Ihr Zertifikat „{ $program }“ (Nr. { $serial }) ist am { $date } abgelaufen.
renew-mail-expiring = Ihr Zertifikat „{ $program }“ (Nr. { $serial }) ist noch bis zum { $date } gültig.
renew-mail-complete = Sie erfüllen bereits alle Voraussetzungen für die Verlängerung; wir stellen Ihnen das neue Zertifikat gern aus.
renew-mail-missing = Für die Verlängerung fehlt Ihnen noch:
renew-mail-sessions = Diese Termine haben noch freie Plätze:
renew-mail-no-sessions = Zurzeit ist kein passender Termin mit freien Plätzen geplant; wir melden uns, sobald es einen gibt.
renew-mail-register = Bitte melden Sie sich bei uns, wenn Sie an einem dieser Termine teilnehmen möchten.
renew-mail-closing = Mit freundlichen Grüßen
renew-intro = Zertifikate, die abgelaufen sind oder innerhalb der Erinnerungsfristen ablaufen – mit dem, was für die Verlängerung noch fehlt (nur Fortbildungen nach dem Ausstellungstag zählen), und den nächsten Terminen mit freien Plätzen. Lotse versendet keine E-Mails: Es speichert Entwürfe oder öffnet Ihr Mailprogramm.
renew-app-none = Kein Zertifikat in dieser Auswahl ist abgelaufen oder läuft bald ab.
renew-filter-all = alle ({ $count })
renew-filter-all-departments = Alle Organisationseinheiten
renew-select-all = alle auswählen
renew-selected = { $count } ausgewählt
renew-select-row = { $name } auswählen
renew-no-email = Für diese Person ist keine E-Mail-Adresse hinterlegt.
renew-save-drafts = E-Mail-Entwürfe speichern …
renew-save-drafts-hint = Speichert für jede ausgewählte Person einen E-Mail-Entwurf (.eml) in einem Ordner; Outlook und Thunderbird öffnen ihn als Entwurf.
renew-drafts-dialog-title = Ordner für die E-Mail-Entwürfe
renew-open-mail = Im Mailprogramm öffnen (BCC)
renew-open-mail-hint = Öffnet eine neue E-Mail in Ihrem Mailprogramm mit den Adressen der ausgewählten Personen in BCC.
renew-open-mail-failed = Das Mailprogramm ließ sich nicht öffnen. Speichern Sie stattdessen E-Mail-Entwürfe.
renew-thresholds-title = Verlängerungen: Erinnerungsfristen
renew-thresholds-hint = Nach wie vielen Tagen vor dem Ablauf ein Zertifikat unter „Verlängerungen“ und auf der Startseite erscheint, in drei Stufen.
renew-thresholds-near = Dringend: höchstens
renew-thresholds-middle = Bald: höchstens
renew-thresholds-far = Vorschau: höchstens
renew-days-suffix = { " " }Tage
renew-thresholds-save = Fristen speichern
renew-thresholds-saved = Die Erinnerungsfristen wurden gespeichert.
renew-dashboard-label = Verlängerungen:
renew-dashboard-count = { $band }: { $count }
renew-dashboard-hint = Zeigt diese Zertifikate unter „Verlängerungen“.
cli-renewals-about = Zeigt die Zertifikate, die abgelaufen sind oder bald ablaufen, je Organisationseinheit – mit dem, was für die Verlängerung noch fehlt, und den nächsten passenden Terminen.
cli-renewals-arg-within = So viele Tage voraus (Standard: die längste Erinnerungsfrist aus den Einstellungen, 90).
cli-renewals-arg-program = Nur dieses Programm (Kürzel, z. B. DL).
cli-renewals-drafts-about = Speichert für jedes dieser Zertifikate einen E-Mail-Entwurf (.eml) an die Person, in der Sprache von --lang. Lotse versendet nichts.
cli-renewals-drafts-arg-output = Der Ordner für die Entwürfe.
cli-renewals-drafts-arg-within = So viele Tage voraus (Standard: die längste Erinnerungsfrist aus den Einstellungen, 90).
cli-renewals-drafts-arg-program = Nur dieses Programm (Kürzel, z. B. DL).
## Fälschungssichere Urkunden: Signatur, Schlüssel, Prüfseite, Widerrufsliste (sign-)

cli-keys-about = Die Signaturschlüssel der Urkunden: anzeigen, wechseln, öffentliche Schlüssel exportieren.
cli-keys-list-about = Zeigt die Signaturschlüssel: Schlüssel-ID, erstellt, außer Dienst gestellt.
cli-keys-rotate-about = Erstellt einen neuen Signaturschlüssel und stellt den bisherigen außer Dienst (er prüft weiter die mit ihm signierten Urkunden).
cli-keys-export-about = Schreibt die öffentlichen Schlüssel (aktive und frühere) als PEM-Datei, mit der „lotse verify --public-key“ ohne Datenbank prüft.
cli-keys-export-arg-output = Die Zieldatei, z. B. lotse-schluessel.pem.
cli-verify-arg-public-key = Ohne Datenbank prüfen: die Datei mit den öffentlichen Schlüsseln (aus „lotse keys export“).
cli-verify-arg-revocations = Zusätzlich diese signierte Widerrufsliste prüfen (aus „lotse export revocations“).
cli-export-verify-page-about = Schreibt die Prüfseite: eine einzelne HTML-Datei, die Urkunden ohne Netz und ohne Server prüft.
cli-export-verify-page-arg-output = Die Zieldatei, z. B. pruefen.html.
cli-export-revocations-about = Schreibt die signierte Widerrufsliste (alle widerrufenen Urkunden) für die Prüfseite und „lotse verify --revocations“.
cli-export-revocations-arg-output = Die Zieldatei, z. B. widerrufe.json.
sign-col-key = Schlüssel-ID
sign-col-created = Erstellt
sign-col-retired = Außer Dienst seit
sign-key-active = { $key } · erstellt am { $created } · aktiv
sign-key-retired = { $key } · erstellt am { $created } · außer Dienst seit { $retired }
sign-keys-none = Es gibt noch keinen Signaturschlüssel. Er entsteht mit der ersten ausgestellten Urkunde (oder dem ersten Export der Schlüssel).
sign-key-rotated = Der neue Signaturschlüssel { $key } ist aktiv. Der bisherige prüft weiter die mit ihm signierten Urkunden. Exportieren und veröffentlichen Sie jetzt die Schlüsseldatei und die Prüfseite neu.
sign-keys-exported = { $count ->
    [one] 1 öffentlicher Schlüssel wurde in { $path } gespeichert.
   *[other] { $count } öffentliche Schlüssel wurden in { $path } gespeichert.
}
sign-page-exported = Die Prüfseite wurde in { $path } gespeichert. Veröffentlichen Sie sie, z. B. auf der Website der Verwaltung.
sign-revocations-exported = { $count ->
    [one] Die Widerrufsliste mit 1 widerrufenen Urkunde wurde in { $path } gespeichert.
   *[other] Die Widerrufsliste mit { $count } widerrufenen Urkunden wurde in { $path } gespeichert.
}
sign-signature-valid = Signatur gültig (Schlüssel { $key })
sign-no-keys-in-file = Die Schlüsseldatei enthält keinen öffentlichen Schlüssel. Exportieren Sie sie mit „lotse keys export -o DATEI“ neu.
sign-revocations-refused = Die Widerrufsliste ist nicht echt: Sie wurde verändert oder mit einem anderen Schlüssel signiert. Laden Sie die veröffentlichte Liste erneut herunter.
sign-offline-genuine = Echt – die Signatur ist gültig (Schlüssel { $key }).
sign-offline-not-genuine = Nicht echt – die Angaben wurden verändert oder der Text ist keine signierte Urkunde.
sign-offline-unknown-key = Nicht prüfbar – die Urkunde ist mit dem Schlüssel { $key } signiert, den die Schlüsseldatei nicht enthält. Besorgen Sie die aktuelle Schlüsseldatei.
sign-offline-valid = Gültig
sign-offline-expired = Abgelaufen
sign-offline-revoked = Widerrufen am { $date }
sign-offline-revocations-unchecked = Widerruf nicht geprüft: Geben Sie dazu die Widerrufsliste mit --revocations an.
sign-settings-heading = Fälschungssichere Urkunden
sign-settings-intro = Jede neue Urkunde trägt im QR-Code eine Signatur, die jeder mit dem öffentlichen Schlüssel prüfen kann – auch ohne Lotse. Veröffentlichen Sie dazu die Prüfseite und die Widerrufsliste.
sign-settings-active-key = Aktiver Schlüssel: { $key }
sign-settings-no-key = Noch kein Schlüssel – er entsteht mit der ersten Urkunde oder dem ersten Export.
sign-settings-export-keys = Öffentliche Schlüssel exportieren …
sign-settings-export-page = Prüfseite exportieren …
sign-settings-export-revocations = Widerrufsliste exportieren …
sign-settings-keys-file-name = lotse-schluessel.pem
sign-settings-page-file-name = pruefen.html
sign-settings-revocations-file-name = widerrufe.json
sign-page-title = Urkunde prüfen
sign-page-intro = Fügen Sie den Text des QR-Codes der Urkunde ein (z. B. mit einer Scanner-App auf dem Telefon gelesen). Die Seite prüft die Signatur auf diesem Gerät, ohne Verbindung ins Netz.
sign-page-paste = Text des QR-Codes
sign-page-check = Prüfen
sign-page-revocations = Widerrufsliste laden (optional):
sign-page-revocations-loaded = Die Widerrufsliste ist echt und geladen.
sign-page-revocations-bad = Die Widerrufsliste ist nicht echt und wurde nicht geladen.
sign-page-revocations-none = Keine Widerrufsliste geladen: Ein Widerruf wird nicht erkannt.
sign-page-genuine = Echt
sign-page-not-genuine = Nicht echt
sign-page-tampered = die Angaben wurden verändert oder die Signatur ist falsch.
sign-page-unknown-key = die Urkunde ist mit einem Schlüssel signiert, den diese Seite nicht kennt.
sign-page-malformed = der Text ist keine signierte Urkunde.
sign-page-no-ed25519 = Dieser Browser kann Ed25519-Signaturen nicht prüfen. Öffnen Sie die Seite in einem aktuellen Firefox, Chrome, Edge oder Safari.
sign-page-revoked = widerrufen am
sign-page-expired = abgelaufen
sign-page-valid = gültig
sign-page-name = Name
sign-page-program = Programm
sign-page-serial = Nummer
sign-page-organisation = Ausgestellt von
sign-page-issued-on = Ausgestellt am
sign-page-valid-until = Gültig bis
sign-page-no-expiry = unbefristet
sign-page-key = Schlüssel
sign-page-status = Status
sign-page-language = English
## Bedarf und Planung (issue 14): `lotse needs`, der Bildschirm „Bedarf & Planung“, Wartelisten

needs-screen-title = Bedarf & Planung
needs-unknown-program = Ein Programm mit dem Kürzel „{ $code }“ gibt es nicht. Die Kürzel zeigt: lotse programs list
needs-unknown-department = Eine Organisationseinheit mit dem Kürzel „{ $code }“ gibt es nicht. Die Kürzel zeigt: lotse departments list
needs-unknown-seminar = Ein Seminar mit dem Kürzel „{ $code }“ gibt es nicht. Die Kürzel zeigt: lotse seminars list
needs-no-department = ohne Organisationseinheit
needs-sentence = { $count ->
    [one] 1 Person braucht noch „{ $seminar }“
   *[other] { $count } Beschäftigte brauchen noch „{ $seminar }“
}
needs-sentence-department = { " " }– { $count } davon: { $department }
needs-sentence-eligible = { $count ->
    [one] Für 1 Person ist es das Letzte, was fehlt.
   *[other] Für { $count } ist es das Letzte, was fehlt.
}
needs-prerequisite = { $count ->
    [one] 1 Person fehlt noch das Zertifikat „{ $program }“.
   *[other] { $count } Beschäftigten fehlt noch das Zertifikat „{ $program }“.
}
needs-summary = { $people ->
    [one] 1 Person hat noch kein gültiges Zertifikat „{ $program }“
   *[other] { $people } Beschäftigte haben noch kein gültiges Zertifikat „{ $program }“
}{ $eligible ->
    [0] .
    [one] ; 1 davon erfüllt schon alle Anforderungen und kann es bekommen.
   *[other] ; { $eligible } davon erfüllen schon alle Anforderungen und können es bekommen.
}
needs-nothing = Kein Seminar fehlt: Alle Gezählten haben das Zertifikat, erfüllen die Anforderungen oder es fehlt ihnen nur ein anderes Zertifikat.
needs-col-seminar = Seminar
needs-col-code = Kürzel
needs-col-needed = Brauchen es
needs-col-eligible = Danach berechtigt
needs-col-departments = Organisationseinheiten
needs-col-department = Organisationseinheit
needs-col-department-code = OE-Kürzel
needs-registration = { $registered } angemeldet, { $waitlisted } auf der Warteliste{ $already ->
    [0] .
    [one] , 1 war schon angemeldet.
   *[other] , { $already } waren schon angemeldet.
}
needs-session-started = Dieser Termin hat schon begonnen. Anmelden lässt sich nur zu einem künftigen Termin; wählen Sie einen anderen oder legen Sie einen neuen an.
needs-waitlist-started = Dieser Termin hat schon begonnen: Von der Warteliste rückt niemand mehr nach. Wer trotzdem teilgenommen hat, tragen Sie in der Teilnehmerliste ein.
needs-session-other-seminar = Der Termin gehört nicht zu diesem Seminar. Wählen Sie einen Termin des Seminars (lotse sessions list).
needs-waitlist-full = Der Termin ist ausgebucht: Es ist kein Platz frei. Erhöhen Sie die Zahl der Plätze oder entschuldigen Sie jemanden, dann kann die nächste Person nachrücken.
needs-waitlist-not-found = Diese Person steht nicht (mehr) auf der Warteliste des Termins. Die Liste wurde inzwischen geändert; sehen Sie sie sich noch einmal an.
needs-waitlist-heading = Warteliste ({ $count })
needs-waitlist-empty = Niemand wartet auf einen Platz.
needs-waitlist-move-up = Nachrücken
needs-waitlist-move-up-hint = Die ausgewählte Person (ohne Auswahl die erste) kommt auf die Teilnehmerliste, wenn ein Platz frei ist.
needs-waitlist-remove = Entfernen
needs-waitlist-moved = { $name } ist von der Warteliste nachgerückt.
needs-waitlist-removed-count = { $count ->
    [one] 1 Person steht nicht mehr auf der Warteliste.
   *[other] { $count } Personen stehen nicht mehr auf der Warteliste.
}
needs-waitlist-since = seit { $date }
needs-privacy-waitlist = Wartelisten
needs-privacy-col-added = Auf der Warteliste seit
needs-program = Programm
needs-department = Organisationseinheit
needs-all-departments = Alle Organisationseinheiten
needs-choose-program = Wählen Sie ein Programm: Dann zeigt die Tabelle, welche Seminare wie vielen Beschäftigten noch fehlen.
needs-choose-seminar = Wählen Sie ein Seminar in der Tabelle: Dann sehen Sie, wer es braucht, und können die Personen zu einem Termin anmelden.
needs-people-heading = Wer „{ $seminar }“ braucht ({ $count })
needs-select-all = Alle auswählen
needs-select-none = Keine auswählen
needs-sessions-heading = Künftige Termine
needs-no-sessions = Für dieses Seminar gibt es keinen künftigen Termin. Legen Sie einen neuen an.
needs-free = { $free ->
    [0] ausgebucht
    [one] 1 Platz frei
   *[other] { $free } Plätze frei
}
needs-unlimited = ohne Platzbegrenzung
needs-waiting = { $count } auf der Warteliste
needs-register = Anmelden
needs-register-hint = Meldet die angekreuzten Personen zum gewählten Termin an; wer keinen Platz mehr bekommt, kommt auf die Warteliste.
needs-new-session = Neuen Termin anlegen …
needs-new-session-hint = Öffnet die Termine des Seminars mit dem Formular für einen neuen Termin; danach erscheint er hier in der Liste.
needs-loading = Der Bedarf wird berechnet …
cli-needs-about = Zeigt, welche Seminare eines Programms wie vielen Beschäftigten noch fehlen – nach Organisationseinheit, die Seminare zuerst, nach denen die meisten berechtigt wären.
cli-needs-arg-program = Das Kürzel des Programms (siehe „lotse programs list“).
cli-needs-arg-department = Nur diese Organisationseinheit mit ihren Untereinheiten (Kürzel).
cli-needs-arg-format = Ausgabeformat: table, csv oder json (csv und json: eine Zeile je Seminar und Organisationseinheit).
cli-needs-register-about = Meldet alle, die ein Seminar brauchen, zu einem künftigen Termin an; wer keinen Platz bekommt, kommt auf die Warteliste.
cli-needs-register-arg-seminar = Das Kürzel des Seminars.
cli-needs-register-arg-program = Das Kürzel des Programms (siehe „lotse programs list“).
cli-needs-register-arg-department = Nur Personen dieser Organisationseinheit mit ihren Untereinheiten (Kürzel).
cli-needs-register-arg-session = Die ID des Termins (siehe „lotse sessions list“).
cli-sessions-waitlist-about = Zeigt die Warteliste eines Termins, in der Reihenfolge, in der die Personen daraufgekommen sind.
cli-sessions-waitlist-arg-id = Die ID des Termins (siehe „lotse sessions list“).
cli-sessions-waitlist-arg-format = Ausgabeformat: table, csv oder json.
needs-col-position = Nr.
needs-col-personnel-number = Personalnummer
needs-col-name = Name
needs-col-added = Seit
# The audit log's names of the planning actions (looked up as audit-action-<action>).
audit-action-register = angemeldet (Planung)
audit-action-waitlist-move-up = von der Warteliste nachgerückt
audit-action-waitlist-remove = von der Warteliste entfernt
