use std::time::Instant;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use lotse::app::LotseApp;
use lotse::i18n::Lang;
use lotse::store::Store;

#[test]
fn perf() {
    let store = Store::open(std::path::Path::new("/tmp/big.sqlite")).unwrap();
    let t0 = Instant::now();
    let mut h = Harness::builder().with_size([1280.0, 800.0]).build_eframe(move |cc| LotseApp::with_store(cc, store, Some(Lang::De)).unwrap());
    while h.state().is_busy() { h.step(); std::thread::sleep(std::time::Duration::from_millis(5)); }
    eprintln!("PERF loaded after {:?}", t0.elapsed());
    h.run_steps(3);
    let t = Instant::now();
    for _ in 0..20 { h.step(); }
    eprintln!("PERF idle frame {:?}", t.elapsed() / 20);
    for col in ["Vorname", "Personalnr.", "Organisationseinheit", "E-Mail"] {
        h.get_by_role_and_label(egui::accesskit::Role::Button, col).click();
        let t = Instant::now();
        h.run_steps(4);
        eprintln!("PERF full sort {col} (4 frames) {:?}", t.elapsed());
    }
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Suche").focus();
    h.step();
    for ch in ["m", "ü", "l"] {
        h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Suche").type_text(ch);
        let t = Instant::now();
        h.step();
        eprintln!("PERF keystroke frame {:?}", t.elapsed());
    }
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Vorname").click();
    let t = Instant::now();
    h.run_steps(4);
    eprintln!("PERF sort click (4 frames) {:?}", t.elapsed());
}
