//! TEMPORARY scaffold – replaced by the demo generator.
use crate::error::Result;
use crate::store::Store;

pub struct DemoOptions {
    pub employees: usize,
    pub seed: u64,
}
pub struct DemoSummary;
impl DemoSummary {
    pub fn describe(&self) -> String {
        String::new()
    }
}
pub fn generate(
    _store: &mut Store,
    _options: &DemoOptions,
    _progress: &mut dyn FnMut(f32) -> bool,
) -> Result<DemoSummary> {
    Ok(DemoSummary)
}
