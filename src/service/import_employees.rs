//! TEMPORARY scaffold – replaced by the employee import.
use std::path::Path;

use crate::error::Result;
use crate::store::Store;

pub struct Preview;
pub struct ImportSummary;
impl Preview {
    pub fn describe_lines(&self) -> Vec<String> {
        Vec::new()
    }
    pub fn has_rejections(&self, _create_departments: bool) -> bool {
        false
    }
}
impl ImportSummary {
    pub fn describe(&self) -> String {
        String::new()
    }
}
pub fn preview(_store: &Store, _path: &Path) -> Result<Preview> {
    Ok(Preview)
}
pub fn commit(_store: &mut Store, _preview: &Preview, _create: bool) -> Result<ImportSummary> {
    Ok(ImportSummary)
}
