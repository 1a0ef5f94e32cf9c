//! The *Verlängerungen* screen driven through the accessibility tree (egui_kittest,
//! headless): the dashboard's counts per band lead to the screen filtered to that band;
//! selecting all and saving the drafts into a folder.

#![cfg(feature = "gui")]

mod common_renewals;
mod common_ui;

use common_renewals::town_in;
use common_ui::{click, harness, has_text, settle, temp_db};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use lotse::app::Screen;
use lotse::service::Database;

#[test]
fn dashboard_counts_lead_to_the_band_and_drafts_are_saved_for_the_selection() {
    let (dir, path) = temp_db();
    let town = town_in(Database::open(&path).expect("open"));
    let mut h = harness(town.db, [1500.0, 900.0]);
    // The dashboard counts every band.
    for label in [
        "abgelaufen: 1",
        "≤ 30 Tage: 1",
        "≤ 60 Tage: 1",
        "≤ 90 Tage: 1",
    ] {
        assert!(has_text(&h, label), "{label} missing on the dashboard");
    }
    click(&mut h, Role::Link, "≤ 30 Tage: 1");
    assert_eq!(h.state().screen(), Screen::Renewals);
    assert!(has_text(&h, "Bald, Bernd"));
    assert!(
        !has_text(&h, "Alt, Anna"),
        "the expired one is filtered out"
    );
    assert!(!has_text(&h, "Dann, Dominique"));
    assert!(has_text(&h, "fehlt: 4 von 8 Std. IT-Sicherheit"));
    // Back on the dashboard, the expired band.
    h.state_mut().set_screen(Screen::Dashboard);
    settle(&mut h);
    click(&mut h, Role::Link, "abgelaufen: 1");
    assert!(has_text(&h, "Alt, Anna"));
    assert!(!has_text(&h, "Bald, Bernd"));
    // Select all (of the band shown) and save.
    click(&mut h, Role::CheckBox, "alle auswählen");
    assert!(has_text(&h, "1 ausgewählt"));
    let drafts = dir.path().join("Entwürfe");
    h.state_mut().save_renewal_drafts_to(drafts.clone());
    settle(&mut h);
    assert_eq!(
        h.state().renewal_drafts_result(),
        Some("1 Entwurf gespeichert")
    );
    assert!(drafts.join("DS-2024-0001.eml").is_file());
    assert!(!drafts.join("DS-2024-0002.eml").exists());
    // Another band: the selection was of the rows shown; one person, selected by name,
    // has no address.
    h.state_mut().set_screen(Screen::Dashboard);
    settle(&mut h);
    click(&mut h, Role::Link, "≤ 60 Tage: 1");
    click(&mut h, Role::CheckBox, "Chor, Clara auswählen");
    h.state_mut().save_renewal_drafts_to(drafts.clone());
    settle(&mut h);
    assert_eq!(
        h.state().renewal_drafts_result(),
        Some("0 Entwürfe gespeichert; 1 Person ohne E-Mail-Adresse: Chor, Clara")
    );
    assert!(
        h.query_all_by_label_contains("Chor, Clara")
            .next()
            .is_some()
    );
}

#[test]
fn the_settings_refuse_thresholds_that_do_not_increase() {
    use lotse::app::SettingsTab;
    use lotse::rules::Thresholds;
    use lotse::service::settings;

    let (_dir, path) = temp_db();
    let town = town_in(Database::open(&path).expect("open"));
    let mut h = harness(town.db, [1280.0, 1600.0]);
    h.state_mut().set_screen(Screen::Settings);
    h.state_mut().show_settings_tab(SettingsTab::Certificates);
    settle(&mut h);
    assert!(has_text(&h, "Verlängerungen: Erinnerungsfristen"));
    let field = "Dringend: höchstens";
    h.get_by_role_and_label(Role::SpinButton, field)
        .scroll_to_me();
    settle(&mut h);
    h.get_by_role_and_label(Role::SpinButton, field).focus();
    settle(&mut h);
    // The focused field edits its text, all of it selected: typing replaces it.
    h.get_by_label("Verlängerungen: Erinnerungsfristen")
        .type_text("70");
    h.key_press(egui::Key::Enter);
    settle(&mut h);
    click(&mut h, Role::Button, "Fristen speichern");
    assert!(
        h.query_all_by_label_contains("von der kürzesten zur längsten zunehmen")
            .next()
            .is_some(),
        "no validation sentence"
    );
    let stored = settings::renewal_thresholds(&Database::open(&path).expect("open")).expect("read");
    assert_eq!(stored, Thresholds::default());
}
