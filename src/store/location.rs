//! Where the database file lives: a local disk, a network share, or a folder that a
//! cloud client synchronises.
//!
//! SQLite's WAL mode keeps its index in shared memory (`-shm`), which network file
//! systems do not share between computers, and a sync client may copy the file halfway
//! through a write. On such locations Lotse uses the rollback journal (`DELETE`) and
//! shows a lasting warning.
//!
//! [`assess`] asks the running system; everything it builds on is a pure function of
//! injected text ([`parse_mountinfo`], [`parse_mount_output`], [`assess_with`]) so
//! that every rule is tested on every platform.

use std::path::{Path, PathBuf};

use crate::i18n::{Arg, ta};

/// What kind of storage the database file is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageLocation {
    /// A local disk (or one we cannot tell from a local disk).
    Local,
    /// A network file system; `fs` names its type ("nfs4", "cifs", "SMB", …).
    Network { fs: String },
    /// A folder a cloud client synchronises; `service` names it ("OneDrive", …).
    CloudSync { service: String },
}

impl StorageLocation {
    /// True for network shares and synchronised folders.
    pub fn is_risky(&self) -> bool {
        !matches!(self, StorageLocation::Local)
    }

    /// The journal mode to use there: WAL on local disks, the rollback journal elsewhere.
    pub fn journal_mode(&self) -> &'static str {
        match self {
            StorageLocation::Local => "WAL",
            _ => "DELETE",
        }
    }

    /// The lasting warning to show, in the current language; `None` for local disks.
    pub fn warning(&self) -> Option<String> {
        match self {
            StorageLocation::Local => None,
            StorageLocation::Network { fs } => Some(ta(
                "location-network-warning",
                &[("fs", Arg::from(fs.as_str()))],
            )),
            StorageLocation::CloudSync { service } => Some(ta(
                "location-cloud-warning",
                &[("service", Arg::from(service.as_str()))],
            )),
        }
    }
}

/// One mounted file system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mount {
    pub mount_point: PathBuf,
    pub fs_type: String,
    /// The device, share or URL (`server:/export`, `//server/share`, `/dev/sda1`).
    pub source: String,
}

/// File system types that live on another computer (Linux names, plus macOS's
/// `afpfs`, `webdav`, `ftp`). `9p` and `drvfs` cover WSL's view of Windows drives, and
/// `vboxsf`/`vmhgfs` virtual machines' shared folders: SQLite's locking and shared
/// memory are unreliable on all of them.
const NETWORK_FS: &[&str] = &[
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smb2",
    "smbfs",
    "ncpfs",
    "afs",
    "9p",
    "drvfs",
    "ceph",
    "glusterfs",
    "lustre",
    "gpfs",
    "davfs",
    "ocfs2",
    "gfs2",
    "vboxsf",
    "vmhgfs",
    "afpfs",
    "webdav",
    "ftp",
    "fuse.sshfs",
    "fuse.rclone",
    "fuse.s3fs",
    "fuse.davfs2",
    "fuse.gvfsd-fuse",
    "fuse.glusterfs",
    "fuse.ceph-fuse",
    "fuse.cephfs",
    "fuse.gcsfuse",
    "fuse.goofys",
    "fuse.juicefs",
    "fuse.vmhgfs-fuse",
];

/// Whether `fs_type` (as in mountinfo or macOS `mount`) is a network file system.
pub fn is_network_fs(fs_type: &str) -> bool {
    let fs = fs_type.trim().to_ascii_lowercase();
    NETWORK_FS.contains(&fs.as_str())
}

/// Parses Linux's `/proc/self/mountinfo`:
/// `36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue`.
/// Paths are unescaped (`\040` is a space). Lines that do not parse are skipped.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
pub fn parse_mountinfo(text: &str) -> Vec<Mount> {
    text.lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let mount_point = fields.get(4)?;
            let dash = fields.iter().skip(6).position(|f| *f == "-")? + 6;
            let fs_type = fields.get(dash + 1)?;
            let source = fields.get(dash + 2).copied().unwrap_or("");
            Some(Mount {
                mount_point: PathBuf::from(unescape_octal(mount_point)),
                fs_type: unescape_octal(fs_type),
                source: unescape_octal(source),
            })
        })
        .collect()
}

/// Undoes the kernel's escapes in mountinfo: `\040` space, `\011` tab, `\012` newline,
/// `\134` backslash (any three octal digits).
fn unescape_octal(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\'
            && i + 3 < bytes.len()
            && bytes[i + 1..=i + 3]
                .iter()
                .all(|b| (b'0'..=b'7').contains(b))
        {
            let value = bytes[i + 1..=i + 3]
                .iter()
                .fold(0u32, |acc, b| acc * 8 + u32::from(b - b'0'));
            if let Ok(byte) = u8::try_from(value) {
                out.push(byte);
                i += 4;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Parses the output of macOS's (and the BSDs') `mount`:
/// `//anna@server/share on /Volumes/share (smbfs, nodev, nosuid, mounted by anna)`.
/// Mount points may contain spaces; they are not escaped there.
#[cfg_attr(not(target_os = "macos"), allow(dead_code))]
pub fn parse_mount_output(text: &str) -> Vec<Mount> {
    text.lines()
        .filter_map(|line| {
            let (source, rest) = line.split_once(" on ")?;
            let open = rest.rfind(" (")?;
            let mount_point = &rest[..open];
            let options = rest[open + 2..].trim_end().strip_suffix(')')?;
            let fs_type = options.split(',').next()?.trim();
            Some(Mount {
                mount_point: PathBuf::from(mount_point),
                fs_type: fs_type.to_owned(),
                source: source.trim().to_owned(),
            })
        })
        .collect()
}

/// The mount that holds `path` (absolute, resolved): the longest mount point that is
/// a prefix of it; of equal ones the last (it is mounted on top of the others).
pub fn mount_for<'a>(mounts: &'a [Mount], path: &Path) -> Option<&'a Mount> {
    let mut best: Option<&Mount> = None;
    for mount in mounts {
        if !path.starts_with(&mount.mount_point) {
            continue;
        }
        let depth = mount.mount_point.components().count();
        if best.is_none_or(|b| depth >= b.mount_point.components().count()) {
            best = Some(mount);
        }
    }
    best
}

/// The path's components as text, split at `/` and `\` whatever the platform (so that
/// Windows spellings are recognised everywhere), without Windows' `\\?\` prefix.
fn components(path: &str) -> Vec<String> {
    let path = path
        .strip_prefix(r"\\?\UNC\")
        .or_else(|| path.strip_prefix(r"\\?\"))
        .unwrap_or(path);
    path.split(['/', '\\'])
        .filter(|c| !c.is_empty() && *c != ".")
        .map(str::to_owned)
        .collect()
}

/// Whether `path` is a Windows UNC path: `\\server\share\…`, `//server/share/…` or
/// `\\?\UNC\server\share\…` (but not `\\?\C:\…` or `\\.\…`).
pub fn is_unc(path: &str) -> bool {
    if let Some(rest) = path.strip_prefix(r"\\?\") {
        return rest
            .get(..4)
            .is_some_and(|s| s.eq_ignore_ascii_case(r"UNC\"));
    }
    let rest = path.strip_prefix(r"\\").or_else(|| path.strip_prefix("//"));
    match rest {
        Some(rest) => {
            !rest.starts_with(['.', '?'])
                && rest.split(['\\', '/']).filter(|c| !c.is_empty()).count() >= 2
        }
        None => false,
    }
}

/// The cloud service whose synchronised folder holds `path`, if any. `home` is the
/// user's home folder: the short, generic names `Box`, `Sync` (Sync.com) and `MEGA`
/// only count as an exact folder name directly inside it.
pub fn cloud_service(path: &str, home: Option<&str>) -> Option<String> {
    let parts = components(path);
    let lower: Vec<String> = parts.iter().map(|p| p.to_lowercase()).collect();
    let home_len = home
        .map(components)
        .map(|h| h.iter().map(|c| c.to_lowercase()).collect::<Vec<_>>())
        .filter(|h| !h.is_empty() && lower.len() > h.len() && lower[..h.len()] == h[..])
        .map(|h| h.len());
    for (i, name) in lower.iter().enumerate() {
        // macOS File Provider: ~/Library/CloudStorage/OneDrive-Personal, GoogleDrive-…
        if name == "cloudstorage"
            && i > 0
            && lower[i - 1] == "library"
            && let Some(provider) = parts.get(i + 1)
        {
            return Some(file_provider_service(provider));
        }
        if let Some(service) = named_service(name) {
            return Some(service.to_owned());
        }
        // Google Drive for desktop on Windows mounts a drive (G:\My Drive\…).
        if matches!(
            name.as_str(),
            "my drive" | "meine ablage" | "shared drives" | "geteilte ablagen"
        ) && i > 0
            && (is_google_root(&lower[i - 1]) || (i == 1 && is_drive_letter(&lower[i - 1])))
        {
            return Some("Google Drive".to_owned());
        }
        if Some(i) == home_len
            && i + 1 < lower.len()
            && let Some(service) = home_service(name)
        {
            return Some(service.to_owned());
        }
    }
    None
}

/// A folder name that only a cloud client uses.
fn named_service(name: &str) -> Option<&'static str> {
    Some(match name {
        "onedrive" => "OneDrive",
        n if n.starts_with("onedrive - ") => "OneDrive",
        "dropbox" => "Dropbox",
        n if n.starts_with("dropbox (") => "Dropbox",
        "nextcloud" => "Nextcloud",
        "owncloud" => "ownCloud",
        n if n.starts_with("owncloud - ") => "ownCloud",
        n if is_google_root(n) => "Google Drive",
        "icloud drive" | "iclouddrive" | "mobile documents" => "iCloud Drive",
        "seafile" | "seadrive" => "Seafile",
        "pcloud drive" | "pclouddrive" => "pCloud",
        "megasync" => "MEGA",
        "tresorit" => "Tresorit",
        "proton drive" => "Proton Drive",
        "magentacloud" => "MagentaCLOUD",
        "hidrive" => "HiDrive",
        "synologydrive" | "synology drive" => "Synology Drive",
        _ => return None,
    })
}

fn is_google_root(name: &str) -> bool {
    name == "google drive" || name == "googledrive" || name.starts_with("googledrive-")
}

fn is_drive_letter(name: &str) -> bool {
    name.len() == 2 && name.ends_with(':') && name.as_bytes()[0].is_ascii_alphabetic()
}

/// Generic names that are a sync client's folder only directly inside the home folder.
fn home_service(name: &str) -> Option<&'static str> {
    Some(match name {
        "box" => "Box",
        "sync" => "Sync.com",
        "mega" => "MEGA",
        _ => return None,
    })
}

/// The service of a macOS File Provider folder: `OneDrive-Personal` → OneDrive,
/// `GoogleDrive-anna@example.org` → Google Drive, `Box-Box` → Box.
fn file_provider_service(folder: &str) -> String {
    let provider = folder.split('-').next().unwrap_or(folder).trim();
    match provider.to_lowercase().as_str() {
        "onedrive" => "OneDrive".to_owned(),
        "googledrive" => "Google Drive".to_owned(),
        "dropbox" => "Dropbox".to_owned(),
        "box" => "Box".to_owned(),
        "nextcloud" => "Nextcloud".to_owned(),
        "" => folder.to_owned(),
        _ => provider.to_owned(),
    }
}

/// Assesses `path` (absolute and resolved) from injected information: the mounts of
/// the system (empty where unknown), the home folder, and whether UNC paths are
/// network paths (Windows). A network mount wins over a cloud folder name.
pub fn assess_with(
    path: &Path,
    mounts: &[Mount],
    home: Option<&Path>,
    windows: bool,
) -> StorageLocation {
    let text = path.to_string_lossy();
    if windows && is_unc(&text) {
        return StorageLocation::Network {
            fs: "SMB".to_owned(),
        };
    }
    if let Some(mount) = mount_for(mounts, path)
        && is_network_fs(&mount.fs_type)
    {
        return StorageLocation::Network {
            fs: mount.fs_type.clone(),
        };
    }
    let home = home.map(|h| h.to_string_lossy().into_owned());
    match cloud_service(&text, home.as_deref()) {
        Some(service) => StorageLocation::CloudSync { service },
        None => StorageLocation::Local,
    }
}

/// Where the database file at `path` lives, asked of the running system. A file that
/// does not exist yet is judged by its folder.
///
/// - Linux: `/proc/self/mountinfo`.
/// - macOS: the output of `/sbin/mount`.
/// - Windows: UNC paths (`\\server\share\…`) are network paths. A mapped drive letter
///   cannot be told from a local drive without `GetDriveTypeW` (an unsafe API call,
///   which this crate forbids); in most cases `canonicalize` already resolves it to its
///   `\\?\UNC\…` path, which is caught, but a drive letter it leaves alone counts as local.
/// - Everywhere: folders of cloud sync clients (OneDrive, Dropbox, Nextcloud, …).
pub fn assess(path: &Path) -> StorageLocation {
    let resolved = resolve(path);
    let home = home_dir();
    assess_with(&resolved, &system_mounts(), home.as_deref(), cfg!(windows))
}

/// `path` made absolute with links resolved: the file itself if it exists, else its
/// folder (joined with the file name), else as given.
pub fn resolve(path: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(path) {
        return p;
    }
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    if let (Some(parent), Some(name)) = (absolute.parent(), absolute.file_name())
        && let Ok(dir) = std::fs::canonicalize(parent)
    {
        return dir.join(name);
    }
    absolute
}

fn home_dir() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf())
}

#[cfg(target_os = "linux")]
fn system_mounts() -> Vec<Mount> {
    std::fs::read_to_string("/proc/self/mountinfo")
        .map(|text| parse_mountinfo(&text))
        .unwrap_or_default()
}

#[cfg(target_os = "macos")]
fn system_mounts() -> Vec<Mount> {
    std::process::Command::new("/sbin/mount")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| parse_mount_output(&String::from_utf8_lossy(&o.stdout)))
        .unwrap_or_default()
}

#[cfg(not(any(target_os = "linux", target_os = "macos")))]
fn system_mounts() -> Vec<Mount> {
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A realistic mountinfo: container root on overlay, the usual pseudo file systems,
    /// a local disk, network shares, a bind mount and a mount point with spaces.
    const MOUNTINFO: &str = "\
22 1 0:21 / / rw,relatime - overlay overlay rw,lowerdir=/var/lib/docker/l/A:/var/lib/docker/l/B,upperdir=/u,workdir=/w
23 22 0:22 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw
24 22 0:23 / /dev rw,nosuid - tmpfs tmpfs rw,size=65536k,mode=755
25 22 0:24 / /tmp rw,nosuid,nodev shared:5 - tmpfs tmpfs rw
26 22 8:1 / /home rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro
27 22 8:2 / /data rw,relatime shared:2 - btrfs /dev/sda2 rw,space_cache=v2,subvolid=5,subvol=/
28 26 0:50 / /home/anna/Amt rw,relatime shared:40 - nfs4 fileserver:/export/amt rw,vers=4.2,addr=10.0.0.5
29 26 0:51 / /mnt/Gemeinsame\\040Ablage rw,relatime - cifs //nas/ablage rw,vers=3.1.1,addr=10.0.0.6
30 26 0:52 / /home/anna/remote rw,nosuid,nodev,relatime shared:60 - fuse.sshfs anna@server:/srv rw,user_id=1000
31 28 0:53 / /home/anna/Amt/lokal rw,relatime - ext4 /dev/sdb1 rw
32 26 8:2 /projekte /home/anna/projekte rw,relatime shared:2 - btrfs /dev/sda2 rw,subvol=/
33 26 0:50 /export/amt/sub /home/anna/gebunden rw,relatime shared:40 - nfs4 fileserver:/export/amt rw
34 26 0:54 / /mnt/tab\\011und\\134strich rw - ext4 /dev/sdc1 rw
";

    fn mounts() -> Vec<Mount> {
        parse_mountinfo(MOUNTINFO)
    }

    fn linux(path: &str) -> StorageLocation {
        assess_with(
            Path::new(path),
            &mounts(),
            Some(Path::new("/home/anna")),
            false,
        )
    }

    fn network(fs: &str) -> StorageLocation {
        StorageLocation::Network { fs: fs.to_owned() }
    }

    fn cloud(service: &str) -> StorageLocation {
        StorageLocation::CloudSync {
            service: service.to_owned(),
        }
    }

    #[test]
    fn mountinfo_is_parsed_with_escapes() {
        let m = mounts();
        assert_eq!(m.len(), 13);
        assert_eq!(m[0].mount_point, Path::new("/"));
        assert_eq!(m[0].fs_type, "overlay");
        assert_eq!(m[6].fs_type, "nfs4");
        assert_eq!(m[6].source, "fileserver:/export/amt");
        assert_eq!(m[7].mount_point, Path::new("/mnt/Gemeinsame Ablage"));
        assert_eq!(m[7].source, "//nas/ablage");
        assert_eq!(m[12].mount_point, Path::new("/mnt/tab\tund\\strich"));
        // Optional fields before the separator ("shared:40") are skipped.
        assert_eq!(m[8].fs_type, "fuse.sshfs");
        assert_eq!(m[8].source, "anna@server:/srv");
        assert!(parse_mountinfo("garbage\n\n1 2 3").is_empty());
    }

    #[test]
    fn network_file_systems() {
        assert_eq!(linux("/home/anna/Amt/lotse.sqlite"), network("nfs4"));
        assert_eq!(
            linux("/mnt/Gemeinsame Ablage/Lotse/lotse.sqlite"),
            network("cifs")
        );
        assert_eq!(
            linux("/home/anna/remote/lotse.sqlite"),
            network("fuse.sshfs")
        );
        // A bind mount of part of an NFS export is still NFS.
        assert_eq!(linux("/home/anna/gebunden/lotse.sqlite"), network("nfs4"));
        for fs in [
            "nfs",
            "NFS4",
            "smb3",
            "smbfs",
            "ncpfs",
            "afs",
            "9p",
            "ceph",
            "glusterfs",
            "lustre",
            "gpfs",
            "davfs",
            "fuse.rclone",
            "fuse.s3fs",
            "fuse.davfs2",
            "fuse.gvfsd-fuse",
        ] {
            assert!(is_network_fs(fs), "{fs}");
        }
    }

    #[test]
    fn local_file_systems() {
        assert_eq!(
            linux("/home/anna/.local/share/lotse/lotse.sqlite"),
            StorageLocation::Local
        );
        assert_eq!(linux("/data/lotse.sqlite"), StorageLocation::Local); // btrfs
        assert_eq!(linux("/tmp/lotse.sqlite"), StorageLocation::Local); // tmpfs
        assert_eq!(linux("/srv/lotse/lotse.sqlite"), StorageLocation::Local); // overlay root
        // A bind mount of a local subvolume.
        assert_eq!(
            linux("/home/anna/projekte/lotse.sqlite"),
            StorageLocation::Local
        );
        assert_eq!(
            linux("/mnt/tab\tund\\strich/x.sqlite"),
            StorageLocation::Local
        );
        for fs in [
            "ext4", "btrfs", "xfs", "tmpfs", "overlay", "apfs", "ntfs", "fuse",
        ] {
            assert!(!is_network_fs(fs), "{fs}");
        }
    }

    #[test]
    fn the_longest_mount_point_wins() {
        // A local disk mounted inside the NFS share.
        assert_eq!(
            linux("/home/anna/Amt/lokal/lotse.sqlite"),
            StorageLocation::Local
        );
        // "/home/anna/Amtsblatt" is not inside "/home/anna/Amt".
        assert_eq!(
            linux("/home/anna/Amtsblatt/lotse.sqlite"),
            StorageLocation::Local
        );
        let m = mounts();
        assert_eq!(
            mount_for(&m, Path::new("/home/anna/Amt/x")).map(|m| m.fs_type.as_str()),
            Some("nfs4")
        );
        assert_eq!(
            mount_for(&m, Path::new("/home/anna/Amt")).map(|m| m.fs_type.as_str()),
            Some("nfs4")
        );
        assert_eq!(
            mount_for(&m, Path::new("/etc/passwd")).map(|m| m.fs_type.as_str()),
            Some("overlay")
        );
        // Of two mounts on the same point, the later one is on top.
        let stacked = parse_mountinfo(
            "1 0 8:1 / /srv rw - ext4 /dev/sda1 rw\n2 1 0:40 / /srv rw - nfs server:/srv rw\n",
        );
        assert_eq!(
            mount_for(&stacked, Path::new("/srv/a")).map(|m| m.fs_type.as_str()),
            Some("nfs")
        );
    }

    #[test]
    fn macos_mount_output() {
        let text = "\
/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
devfs on /dev (devfs, local, nobrowse)
/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse)
map auto_home on /System/Volumes/Data/home (autofs, automounted, nobrowse)
//anna@server/share on /Volumes/share (smbfs, nodev, nosuid, mounted by anna)
server:/export/amt on /Volumes/Amt (nfs, nodev, nosuid, mounted by anna)
afp_0TQ4Yp0Ke1Gw0001 on /Volumes/Alte Ablage (afpfs, nodev, nosuid, mounted by anna)
https://cloud.example.org/remote.php/dav on /Volumes/dav (webdav, nodev, noexec, nosuid, mounted by anna)
/dev/disk4s1 on /Volumes/USB Stick (msdos, local, nodev, nosuid, noowners)
";
        let m = parse_mount_output(text);
        assert_eq!(m.len(), 9);
        assert_eq!(m[0].fs_type, "apfs");
        assert_eq!(m[4].source, "//anna@server/share");
        assert_eq!(m[6].mount_point, Path::new("/Volumes/Alte Ablage"));
        let mac = |p: &str| assess_with(Path::new(p), &m, Some(Path::new("/Users/anna")), false);
        assert_eq!(mac("/Volumes/share/lotse.sqlite"), network("smbfs"));
        assert_eq!(mac("/Volumes/Amt/lotse.sqlite"), network("nfs"));
        assert_eq!(mac("/Volumes/Alte Ablage/lotse.sqlite"), network("afpfs"));
        assert_eq!(mac("/Volumes/dav/lotse.sqlite"), network("webdav"));
        assert_eq!(
            mac("/Volumes/USB Stick/lotse.sqlite"),
            StorageLocation::Local
        );
        assert_eq!(
            mac("/Users/anna/Library/Application Support/de.Lotse.Lotse/lotse.sqlite"),
            StorageLocation::Local
        );
    }

    #[test]
    fn windows_unc_paths() {
        let win = |p: &str| assess_with(Path::new(p), &[], Some(Path::new(r"C:\Users\anna")), true);
        assert_eq!(win(r"\\server\share\Lotse\lotse.sqlite"), network("SMB"));
        assert_eq!(win(r"\\?\UNC\server\share\lotse.sqlite"), network("SMB"));
        assert_eq!(win("//server/share/lotse.sqlite"), network("SMB"));
        assert_eq!(
            win(r"C:\Users\anna\AppData\Roaming\Lotse\lotse.sqlite"),
            StorageLocation::Local
        );
        assert_eq!(
            win(r"\\?\C:\Users\anna\lotse.sqlite"),
            StorageLocation::Local
        );
        assert!(!is_unc(r"\\.\pipe\x"));
        assert!(!is_unc(r"\\server"));
        // UNC detection is for Windows only: on Unix "//x/y" is a local path.
        assert_eq!(
            assess_with(Path::new("//server/share/x"), &[], None, false),
            StorageLocation::Local
        );
    }

    #[test]
    fn cloud_folders() {
        let home_linux = Some("/home/anna");
        let home_win = Some(r"C:\Users\anna");
        let home_mac = Some("/Users/anna");
        let cases: &[(&str, Option<&str>, &str)] = &[
            // Linux
            (
                "/home/anna/Dropbox/Lotse/lotse.sqlite",
                home_linux,
                "Dropbox",
            ),
            ("/home/anna/Nextcloud/lotse.sqlite", home_linux, "Nextcloud"),
            (
                "/home/anna/ownCloud - anna@cloud.example.org/x.sqlite",
                home_linux,
                "ownCloud",
            ),
            ("/home/anna/OneDrive/lotse.sqlite", home_linux, "OneDrive"),
            ("/home/anna/pCloudDrive/lotse.sqlite", home_linux, "pCloud"),
            ("/home/anna/Seafile/Amt/lotse.sqlite", home_linux, "Seafile"),
            ("/home/anna/MEGA/lotse.sqlite", home_linux, "MEGA"),
            // Windows
            (
                r"C:\Users\anna\OneDrive\Dokumente\lotse.sqlite",
                home_win,
                "OneDrive",
            ),
            (
                r"C:\Users\anna\OneDrive - Stadt Musterstadt\lotse.sqlite",
                home_win,
                "OneDrive",
            ),
            (
                r"C:\Users\anna\Dropbox (Stadt)\lotse.sqlite",
                home_win,
                "Dropbox",
            ),
            (
                r"C:\Users\anna\Nextcloud\lotse.sqlite",
                home_win,
                "Nextcloud",
            ),
            (r"c:\users\anna\onedrive\lotse.sqlite", home_win, "OneDrive"),
            (
                r"C:\Users\anna\iCloudDrive\lotse.sqlite",
                home_win,
                "iCloud Drive",
            ),
            (r"G:\My Drive\Lotse\lotse.sqlite", home_win, "Google Drive"),
            (r"G:\Meine Ablage\lotse.sqlite", home_win, "Google Drive"),
            (
                r"C:\Users\anna\Google Drive\lotse.sqlite",
                home_win,
                "Google Drive",
            ),
            (r"C:\Users\anna\Box\lotse.sqlite", home_win, "Box"),
            (r"C:\Users\anna\Sync\lotse.sqlite", home_win, "Sync.com"),
            (
                r"\\?\C:\Users\anna\Dropbox\lotse.sqlite",
                home_win,
                "Dropbox",
            ),
            // macOS
            (
                "/Users/anna/Library/CloudStorage/OneDrive-Personal/lotse.sqlite",
                home_mac,
                "OneDrive",
            ),
            (
                "/Users/anna/Library/CloudStorage/OneDrive-StadtMusterstadt/x.sqlite",
                home_mac,
                "OneDrive",
            ),
            (
                "/Users/anna/Library/CloudStorage/GoogleDrive-anna@example.org/My Drive/x.sqlite",
                home_mac,
                "Google Drive",
            ),
            (
                "/Users/anna/Library/CloudStorage/Dropbox/x.sqlite",
                home_mac,
                "Dropbox",
            ),
            (
                "/Users/anna/Library/CloudStorage/Box-Box/x.sqlite",
                home_mac,
                "Box",
            ),
            (
                "/Users/anna/Library/Mobile Documents/com~apple~CloudDocs/x.sqlite",
                home_mac,
                "iCloud Drive",
            ),
            ("/Users/anna/Dropbox/lotse.sqlite", home_mac, "Dropbox"),
        ];
        for (path, home, service) in cases {
            assert_eq!(
                cloud_service(path, *home).as_deref(),
                Some(*service),
                "{path}"
            );
        }
    }

    #[test]
    fn generic_names_are_not_cloud_folders_elsewhere() {
        let home = Some("/home/anna");
        for path in [
            "/home/anna/.local/share/lotse/lotse.sqlite",
            "/home/anna/Dokumente/Box/lotse.sqlite",
            "/home/anna/Projekte/Sync/lotse.sqlite",
            "/srv/Box/lotse.sqlite",
            "/home/anna/Boxen/lotse.sqlite",
            "/home/anna/OneDriveBackup/lotse.sqlite",
            "/home/anna/Meine Ablage/lotse.sqlite",
            // The file itself is not a folder.
            "/home/anna/Box",
        ] {
            assert_eq!(cloud_service(path, home), None, "{path}");
        }
        // Without a known home folder, the generic names never count.
        assert_eq!(cloud_service("/home/anna/Box/x.sqlite", None), None);
        assert_eq!(
            linux("/home/anna/Dokumente/Lotse/lotse.sqlite"),
            StorageLocation::Local
        );
        assert_eq!(linux("/home/anna/Dropbox/lotse.sqlite"), cloud("Dropbox"));
    }

    #[test]
    fn journal_mode_and_risk() {
        assert_eq!(StorageLocation::Local.journal_mode(), "WAL");
        assert!(!StorageLocation::Local.is_risky());
        assert_eq!(network("nfs").journal_mode(), "DELETE");
        assert!(network("nfs").is_risky());
        assert_eq!(cloud("OneDrive").journal_mode(), "DELETE");
        assert!(cloud("OneDrive").is_risky());
        assert_eq!(StorageLocation::Local.warning(), None);
        crate::i18n::set_thread_language(crate::i18n::Lang::De);
        let text = network("nfs4").warning().unwrap();
        assert!(
            text.contains("Netzlaufwerk") && text.contains("nfs4"),
            "{text}"
        );
        let text = cloud("OneDrive").warning().unwrap();
        assert!(text.contains("OneDrive"), "{text}");
    }

    #[test]
    fn resolve_uses_the_folder_of_a_missing_file() {
        let dir = std::env::temp_dir();
        let resolved = resolve(&dir.join("lotse-does-not-exist-4711.sqlite"));
        assert!(resolved.is_absolute());
        assert_eq!(
            resolved.file_name().and_then(|n| n.to_str()),
            Some("lotse-does-not-exist-4711.sqlite")
        );
        assert_eq!(
            resolved.parent().map(Path::to_path_buf),
            std::fs::canonicalize(&dir).ok()
        );
        // The real system: the temp folder is not a network share in CI.
        let _ = assess(&dir.join("x.sqlite"));
    }
}
