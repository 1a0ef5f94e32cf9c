use std::time::{Duration, Instant};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use lotse::app::LotseApp;
use lotse::i18n::Lang;
use lotse::store::Store;

fn settle(h: &mut Harness<'_, LotseApp>) -> Duration {
    let t = Instant::now();
    let mut idle = 0;
    loop {
        h.step();
        idle = if h.state().is_busy() { 0 } else { idle + 1 };
        if idle == 2 { break; }
        std::thread::sleep(Duration::from_millis(2));
    }
    let _ = h.try_run();
    t.elapsed()
}

#[test]
#[ignore]
fn scale() {
    let store = Store::open(std::path::Path::new("/tmp/apptr10k.sqlite")).unwrap();
    let mut h = Harness::builder().with_size([1400.0, 900.0]).build_eframe(move |cc| LotseApp::with_store(cc, store, Some(Lang::De)).unwrap());
    println!("start {:?}", settle(&mut h));
    h.get_by_role_and_label(Role::Button, "Seminare & Termine").click();
    println!("seminars {:?}", settle(&mut h));
    h.get_by_label_contains("Vergangene (").click();
    println!("past {:?}", settle(&mut h));
    let first = h.query_all_by_label_contains("11.2026, ").next().map(|n| n.rect().center());
    println!("row {:?}", first);
    if let Some(p) = first { h.event(egui::Event::PointerMoved(p)); for pressed in [true,false] { h.event(egui::Event::PointerButton{pos:p, button: egui::PointerButton::Primary, pressed, modifiers: Default::default()}); } }
    println!("click {:?}", settle(&mut h));
    h.get_by_role_and_label(Role::Button, "Teilnehmerliste öffnen").click();
    println!("roster {:?}", settle(&mut h));
    let before = h.query_all_by_label("entschuldigt").count();
    h.key_press(egui::Key::Num3);
    let t = Instant::now();
    loop { h.step(); if h.query_all_by_label("entschuldigt").count() != before { break; } std::thread::sleep(Duration::from_millis(2)); }
    println!("shown after {:?}", t.elapsed());
    println!("mark {:?}", settle(&mut h));
    h.key_press(egui::Key::Num1);
    println!("mark {:?}", settle(&mut h));
}

#[test]
#[ignore]
fn parts() {
    let store = Store::open(std::path::Path::new("/tmp/apptr10k.sqlite")).unwrap();
    let t = Instant::now(); let n = store.session_rows(&Default::default()).unwrap().len(); println!("session_rows {n} {:?}", t.elapsed());
    let t = Instant::now(); let n = store.seminars().unwrap().len(); println!("seminars {n} {:?}", t.elapsed());
    let t = Instant::now(); let n = store.employee_rows(&lotse::store::EmployeeFilter { department: None, include_leavers: true }).unwrap().len(); println!("employee_rows {n} {:?}", t.elapsed());
    let t = Instant::now(); let n = store.training_records().unwrap().len(); println!("training_records {n} {:?}", t.elapsed());
    let sid = store.session_rows(&Default::default()).unwrap()[100].session.id;
    let t = Instant::now(); let n = store.attendance_of_session(sid).unwrap().len(); println!("roster {n} {:?}", t.elapsed());
}
