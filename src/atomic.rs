//! Files written whole: into a temporary file beside the destination, renamed over it only when complete, so that
//! a failure never leaves a half-written file.

use crate::error::GraphError;
use std::path::Path;

/// Writes `path` through `write`: into a temporary file beside it, renamed over `path` only on success.
pub fn write_atomically<E: From<GraphError>>(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> Result<(), E>,
) -> Result<(), E> {
    let io = |source| GraphError::Io { path: path.to_owned(), source };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "output".into());
    let temporary = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let mut file = std::fs::File::create(&temporary).map_err(io)?;
    let result = write(&mut file).and_then(|()| file.sync_all().map_err(|e| io(e).into()));
    drop(file);
    match result {
        Ok(()) => std::fs::rename(&temporary, path).map_err(|e| io(e).into()),
        Err(e) => {
            let _ = std::fs::remove_file(&temporary);
            Err(e)
        }
    }
}
