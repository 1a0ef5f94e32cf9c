//! The Verify dialog: type (or paste) a certificate's code and see whether it is genuine,
//! its status in words and colour, and every field printed on it.

use egui::{Color32, RichText, Ui};

use crate::app::certificates::worker::{CertCommand, CertOutcome};
use crate::app::widgets::primary_button;
use crate::app::widgets::style::{ERROR, MUTED, SUCCESS};
use crate::app::worker::{Command, Outcome, Ticket, Worker};
use crate::certificate::format_code;
use crate::error::Result;
use crate::i18n::{Arg, Lang, fmt_date, fmt_hours, t, ta};
use crate::rules::CertificateStatus;
use crate::service::certificates::Verification;

/// The amber of "expiring soon".
pub(crate) const WARNING: Color32 = Color32::from_rgb(0xA8, 0x5F, 0x00);

/// The colour a certificate status is shown in.
pub(crate) fn status_color(status: CertificateStatus) -> Color32 {
    match status {
        CertificateStatus::Valid => SUCCESS,
        CertificateStatus::Expiring => WARNING,
        CertificateStatus::Revoked => ERROR,
        CertificateStatus::Expired | CertificateStatus::Superseded => {
            Color32::from_rgb(0x6B, 0x72, 0x7C)
        }
        CertificateStatus::NotYetIssued => MUTED,
    }
}

/// The short status word of a list: gültig, läuft ab, abgelaufen, widerrufen, ersetzt.
pub(crate) fn status_word(status: CertificateStatus) -> String {
    t(match status {
        CertificateStatus::Valid => "appcert-status-valid",
        CertificateStatus::Expiring => "appcert-status-expiring",
        CertificateStatus::Expired => "appcert-status-expired",
        CertificateStatus::Revoked => "appcert-status-revoked",
        CertificateStatus::Superseded => "appcert-status-superseded",
        CertificateStatus::NotYetIssued => "appcert-status-not-yet-issued",
    })
}

/// The Verify dialog.
#[derive(Default)]
pub(crate) struct VerifyState {
    open: bool,
    code: String,
    /// The check waiting for the worker.
    pending: Option<Ticket>,
    /// The code checked last (as typed) and what was found.
    result: Option<(String, Verification)>,
    /// The key that signed the checked text, when it was a valid signed payload.
    signed_by: Option<String>,
    error: Option<String>,
    /// Frames left to put the keyboard focus into the code field (a new window takes
    /// a frame or two to appear).
    focus: u8,
}

impl VerifyState {
    /// Opens the dialog with an empty field, ready to type.
    pub fn open(&mut self) {
        self.open = true;
        self.focus = 3;
    }

    fn check(&mut self, worker: &mut Worker) {
        let code = self.code.trim().to_owned();
        if code.is_empty() {
            return;
        }
        self.error = None;
        self.pending = Some(worker.send(Command::Certs(CertCommand::Verify(code))));
    }

    /// Picks up the answer to the check; returns it if it is not ours.
    pub fn on_finished(
        &mut self,
        ticket: Ticket,
        result: Result<Outcome>,
    ) -> Option<Result<Outcome>> {
        if self.pending != Some(ticket) {
            return Some(result);
        }
        self.pending = None;
        match result {
            Ok(Outcome::Certs(CertOutcome::Verified(v, signed_by))) => {
                self.result = Some((self.code.trim().to_owned(), *v));
                self.signed_by = signed_by;
            }
            Ok(_) => {}
            Err(e) => self.error = Some(e.user_message()),
        }
        None
    }

    /// Draws the dialog when it is open.
    pub fn window_ui(&mut self, ui: &mut Ui, worker: &mut Worker) {
        if !self.open {
            return;
        }
        let mut open = true;
        let screen = ui.ctx().content_rect();
        egui::Window::new(t("appcert-verify-title"))
            .id(egui::Id::unique("appcert-verify-window"))
            .open(&mut open)
            .collapsible(false)
            .auto_sized()
            // From near the top, so that a long list of seminars has room to grow.
            .pivot(egui::Align2::CENTER_TOP)
            .default_pos(screen.center_top() + egui::vec2(0.0, 70.0))
            .show(ui.ctx(), |ui| self.body_ui(ui, worker));
        let escape = ui.input(|i| i.key_pressed(egui::Key::Escape));
        if !open || escape {
            self.open = false;
        }
    }

    fn body_ui(&mut self, ui: &mut Ui, worker: &mut Worker) {
        ui.set_min_width(540.0);
        ui.set_max_width(600.0);
        ui.label(RichText::new(t("appcert-verify-intro")).color(MUTED));
        ui.add_space(6.0);
        let mut submit = false;
        ui.horizontal(|ui| {
            let label = ui.label(t("appcert-verify-code"));
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.code)
                        .hint_text("K7QM-3XHP-9TRD")
                        .font(egui::TextStyle::Monospace)
                        // Wide enough for the start of a pasted signed QR text, too.
                        .desired_width(300.0),
                )
                .labelled_by(label.id);
            if self.focus > 0 {
                field.request_focus();
                self.focus -= 1;
            }
            submit |= crate::app::widgets::entered(&field);
            let busy = self.pending.is_some();
            if ui
                .add_enabled(
                    !busy && !self.code.trim().is_empty(),
                    primary_button(t("appcert-verify-check")),
                )
                .clicked()
            {
                submit = true;
            }
            if busy {
                ui.spinner();
            }
        });
        if submit && self.pending.is_none() {
            self.check(worker);
        }
        if let Some(e) = &self.error {
            crate::app::widgets::error_label(ui, e);
        }
        let Some((asked, result)) = &self.result else {
            return;
        };
        ui.add_space(10.0);
        ui.separator();
        // A signed payload is long: its start is enough to recognise it.
        let asked = if asked.chars().count() > 40 {
            format!("{}…", asked.chars().take(40).collect::<String>())
        } else {
            asked.clone()
        };
        ui.label(
            RichText::new(ta("appcert-verify-checked", &[("code", Arg::from(asked))]))
                .small()
                .color(MUTED),
        );
        let color = match result {
            Verification::Genuine { status, .. } => status_color(*status),
            _ => ERROR,
        };
        ui.label(
            RichText::new(result.status_text())
                .size(20.0)
                .strong()
                .color(color),
        );
        if let Some(key) = &self.signed_by {
            ui.label(
                RichText::new(ta("sign-signature-valid", &[("key", Arg::from(key))]))
                    .color(SUCCESS),
            );
        }
        match result {
            Verification::Genuine {
                snapshot,
                revoked_on,
                revocation_reason,
                superseded_by,
                ..
            } => {
                if let Some(on) = revoked_on {
                    ui.label(
                        RichText::new(ta(
                            "appcert-verify-revoked-on",
                            &[
                                ("date", Arg::from(fmt_date(*on))),
                                (
                                    "reason",
                                    Arg::from(revocation_reason.clone().unwrap_or_default()),
                                ),
                            ],
                        ))
                        .color(ERROR),
                    );
                }
                if let Some(serial) = superseded_by {
                    ui.label(ta(
                        "appcert-verify-superseded-by",
                        &[("serial", Arg::from(serial))],
                    ));
                }
                ui.add_space(6.0);
                fields_ui(ui, snapshot);
            }
            Verification::Altered { serial } => {
                ui.label(ta(
                    "appcert-verify-altered-serial",
                    &[("serial", Arg::from(serial))],
                ));
            }
            Verification::Unknown => {
                ui.label(RichText::new(t("appcert-verify-unknown-hint")).color(MUTED));
            }
        }
    }
}

/// Every printed field of a genuine certificate.
fn fields_ui(ui: &mut Ui, s: &crate::certificate::CertificateSnapshot) {
    let row = |ui: &mut Ui, key: &str, value: String| {
        ui.label(RichText::new(t(key)).color(MUTED));
        ui.add(egui::Label::new(value).wrap());
        ui.end_row();
    };
    // The window sizes itself to its content; a long list of seminars scrolls.
    let max_height = (ui.ctx().content_rect().height() - 380.0).max(160.0);
    egui::ScrollArea::vertical()
        .max_height(max_height)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::Grid::new("appcert-verify-fields")
                .num_columns(2)
                .spacing([14.0, 6.0])
                .min_col_width(150.0)
                .show(ui, |ui| {
                    ui.label(RichText::new(t("appcert-field-name")).color(MUTED));
                    // A certificate whose holder was erased (DSGVO) carries no name.
                    let name = s.full_name();
                    if name.is_empty() {
                        ui.label(
                            RichText::new(t("privacy-erased-person"))
                                .italics()
                                .color(MUTED),
                        );
                    } else {
                        ui.label(RichText::new(name).strong().size(17.0));
                    }
                    ui.end_row();
                    let title = if s.title_de == s.title_en {
                        s.title_de.clone()
                    } else {
                        format!("{} / {}", s.title(Lang::De), s.title(Lang::En))
                    };
                    row(ui, "appcert-field-title", title);
                    row(ui, "appcert-field-program", s.program_code.clone());
                    row(ui, "appcert-field-organisation", s.organisation.clone());
                    row(ui, "appcert-field-place", s.place.clone());
                    row(ui, "appcert-field-issued-on", fmt_date(s.issued_on));
                    row(
                        ui,
                        "appcert-field-valid-until",
                        s.valid_until
                            .map(fmt_date)
                            .unwrap_or_else(|| t("appcert-no-expiry")),
                    );
                    ui.label(RichText::new(t("appcert-field-seminars")).color(MUTED));
                    ui.vertical(|ui| {
                        for seminar in &s.seminars {
                            ui.add(
                                egui::Label::new(ta(
                                    "appcert-seminar-line",
                                    &[
                                        ("title", Arg::from(seminar.title.as_str())),
                                        ("date", Arg::from(fmt_date(seminar.date))),
                                        ("hours", Arg::from(fmt_hours(seminar.hours))),
                                    ],
                                ))
                                .wrap(),
                            );
                        }
                        ui.label(
                            RichText::new(ta(
                                "appcert-total-hours",
                                &[("hours", Arg::from(fmt_hours(s.total_hours)))],
                            ))
                            .color(MUTED),
                        );
                    });
                    ui.end_row();
                    let signatory = if s.signatory_title.trim().is_empty() {
                        s.signatory_name.clone()
                    } else {
                        format!("{}, {}", s.signatory_name, s.signatory_title)
                    };
                    row(ui, "appcert-field-signatory", signatory);
                    row(ui, "appcert-field-serial", s.serial.clone());
                    ui.label(RichText::new(t("appcert-field-code")).color(MUTED));
                    ui.label(RichText::new(format_code(&s.code)).monospace());
                    ui.end_row();
                });
        });
}
