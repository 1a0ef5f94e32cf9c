use std::time::{Duration, Instant};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use lotse::app::{LotseApp, Screen};
use lotse::i18n::Lang;
use lotse::store::Store;

fn settle(h: &mut Harness<'_, LotseApp>) -> Duration {
    let t = Instant::now();
    loop { h.step(); if !h.state().is_busy() { break; } std::thread::sleep(Duration::from_millis(2)); }
    t.elapsed()
}
fn frames(h: &mut Harness<'_, LotseApp>, what: &str) {
    let mut worst = Duration::ZERO; let mut total = Duration::ZERO;
    for _ in 0..20 { let t = Instant::now(); h.step(); let e = t.elapsed(); worst = worst.max(e); total += e; }
    println!("{what}: mean {:?} worst {:?}", total / 20, worst);
}
#[test]
fn perf() {
    let store = Store::open(std::path::Path::new("/tmp/rep10k.sqlite")).unwrap();
    let mut h = Harness::builder().with_size([1280.0, 800.0]).build_eframe(move |cc| LotseApp::with_store(cc, store, Some(Lang::De)).unwrap());
    println!("dashboard ready after {:?}", settle(&mut h));
    frames(&mut h, "dashboard frame");
    h.get_by_role_and_label(Role::Button, "Berichte").click();
    println!("coverage ready after {:?}", settle(&mut h));
    frames(&mut h, "coverage frame");
    h.get_by_label("Qualifizierungsmatrix").click();
    println!("matrix ready after {:?}", settle(&mut h));
    frames(&mut h, "matrix frame");
    h.get_all_by_label("Seminare").next().unwrap().click();
    println!("seminar matrix ready after {:?}", settle(&mut h));
    frames(&mut h, "seminar matrix frame");
    h.get_by_label("Fortbildungsstunden").click();
    println!("hours ready after {:?}", settle(&mut h));
    frames(&mut h, "hours frame");
    assert_eq!(h.state().screen(), Screen::Reports);
}
