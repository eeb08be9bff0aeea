//! Guards at the reading boundary: what is checked before calamine sees a file, and the
//! net under calamine when it panics anyway.
//!
//! calamine believes what a file says about itself: it reserves what a count or a
//! dimension claims, and it can panic on a damaged record (fuzzing, 2026-12-01,
//! `tests/data/rusak/`). The checks here read only a file's header, a zip's central
//! directory and the first bytes of one entry, so they cost microseconds on any file; what
//! they cannot see (a lying size, a reader that loops) is bounded by the reading process
//! (`anak.rs`).

use std::cell::Cell;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::Once;

/// Entries a workbook package may hold. A real workbook has tens; the central directory is
/// read whole, so its size is bounded first.
pub const ENTRI_ZIP_MAKS: u64 = 20_000;
/// The largest central directory read (about 2,000 bytes per entry at the cap above).
const DIREKTORI_ZIP_MAKS: u64 = 40 << 20;
/// An entry that inflates more than this many times its compressed size, and is larger
/// than [`BOM_MULAI`], is taken for a zip bomb: real sheet XML deflates 5–30 times.
pub const RASIO_BOM: u64 = 200;
const BOM_MULAI: u64 = 16 << 20;

/// What the zip central directory says about one entry.
#[derive(Debug, Clone)]
pub struct Entri {
    pub nama: String,
    pub terenkripsi: bool,
    pub terkompres: u64,
    pub terurai: u64,
}

/// Why a file's own description of itself is not believed. Turned into a
/// [`GalatBaca`](super::GalatBaca) by the caller, which knows the file's name.
#[derive(Debug, PartialEq)]
pub enum Masalah {
    /// The structure is broken; the text says what, in Indonesian.
    Rusak(String),
    /// A zip entry carries the encryption flag.
    BerkataSandi,
    /// The entries claim more inflated bytes than the bound allows.
    TerlaluBesar { terurai: u64 },
}

/// The kind of a path that is not a regular file, in words, or `None` for a regular file.
/// A FIFO would block the reader forever and a device never ends.
pub fn bukan_berkas_biasa(path: &Path) -> std::io::Result<Option<&'static str>> {
    use std::os::unix::fs::FileTypeExt;
    let jenis = std::fs::metadata(path)?.file_type();
    Ok(if jenis.is_file() {
        None
    } else if jenis.is_dir() {
        Some("folder")
    } else if jenis.is_fifo() {
        Some("pipa bernama (FIFO)")
    } else if jenis.is_socket() {
        Some("soket")
    } else if jenis.is_block_device() || jenis.is_char_device() {
        Some("perangkat")
    } else {
        Some("bukan berkas biasa")
    })
}

fn u16_di(b: &[u8], i: usize) -> u16 {
    u16::from_le_bytes([b[i], b[i + 1]])
}

fn u32_di(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]])
}

fn u64_di(b: &[u8], i: usize) -> u64 {
    let mut x = [0u8; 8];
    x.copy_from_slice(&b[i..i + 8]);
    u64::from_le_bytes(x)
}

/// An OLE compound file whose directory names an `EncryptedPackage` stream is an xlsx with
/// a password. Only the header, the FAT sectors the directory chain passes and the
/// directory itself are read (a few KB), never the whole file: a 2 GB file cost 2 GB of
/// memory when it was read whole. A directory that cannot be followed says "no": calamine
/// then reports what is wrong with the file.
pub fn ole_berkata_sandi(f: &mut File) -> std::io::Result<bool> {
    let mut kepala = [0u8; 512];
    f.seek(SeekFrom::Start(0))?;
    f.read_exact(&mut kepala)?;
    let geser = u16_di(&kepala, 0x1E);
    if !(7..=16).contains(&geser) {
        return Ok(false);
    }
    let ukuran = 1u64 << geser;
    let sektor = |n: u32| (u64::from(n) + 1) * ukuran;
    let difat: Vec<u32> = (0..109).map(|i| u32_di(&kepala, 0x4C + 4 * i)).collect();
    let pola: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    let mut n = u32_di(&kepala, 0x30);
    let mut buf = vec![0u8; ukuran as usize];
    // A directory chain longer than this, or one that loops, is not followed further.
    for _ in 0..256 {
        if n >= 0xFFFF_FFFA {
            break;
        }
        f.seek(SeekFrom::Start(sektor(n)))?;
        if f.read_exact(&mut buf).is_err() {
            break;
        }
        for entri in buf.chunks_exact(128) {
            let panjang = usize::from(u16_di(entri, 0x40)).min(64);
            if panjang >= pola.len() && entri[..pola.len()] == pola[..] {
                return Ok(true);
            }
        }
        // The next directory sector, from the FAT sector that holds sector n.
        let per_sektor = ukuran / 4;
        let Some(&fat) = difat.get((u64::from(n) / per_sektor) as usize) else {
            break;
        };
        if fat >= 0xFFFF_FFFA {
            break;
        }
        let mut berikut = [0u8; 4];
        f.seek(SeekFrom::Start(
            sektor(fat) + (u64::from(n) % per_sektor) * 4,
        ))?;
        if f.read_exact(&mut berikut).is_err() {
            break;
        }
        n = u32::from_le_bytes(berikut);
    }
    Ok(false)
}

/// Reads the zip central directory ourselves, before any zip reader allocates for what the
/// end record claims, and returns its entries.
pub fn direktori_zip(f: &mut File) -> Result<Vec<Entri>, Masalah> {
    let rusak = |s: &str| Masalah::Rusak(s.to_string());
    let io = |_| rusak("berkas tidak dapat dibaca sampai akhir");
    let panjang = f.seek(SeekFrom::End(0)).map_err(io)?;
    let ekor_panjang = panjang.min(22 + 65_535);
    f.seek(SeekFrom::Start(panjang - ekor_panjang))
        .map_err(io)?;
    let mut ekor = vec![0u8; ekor_panjang as usize];
    f.read_exact(&mut ekor).map_err(io)?;
    let akhir = (0..ekor.len().saturating_sub(21))
        .rev()
        .find(|&i| ekor[i..i + 4] == *b"PK\x05\x06")
        .ok_or_else(|| rusak("akhir arsip zip tidak ditemukan; berkas terpotong"))?;
    let e = &ekor[akhir..];
    let (mut jumlah, mut ukuran, mut awal) = (
        u64::from(u16_di(e, 10)),
        u64::from(u32_di(e, 12)),
        u64::from(u32_di(e, 16)),
    );
    // Zip64: the real numbers are in the zip64 end record the locator points to.
    if (jumlah == 0xFFFF || ukuran == 0xFFFF_FFFF || awal == 0xFFFF_FFFF)
        && akhir >= 20
        && ekor[akhir - 20..akhir - 16] == *b"PK\x06\x07"
    {
        let letak = u64_di(&ekor, akhir - 20 + 8);
        let mut r = [0u8; 56];
        f.seek(SeekFrom::Start(letak)).map_err(io)?;
        f.read_exact(&mut r).map_err(io)?;
        if r[..4] != *b"PK\x06\x06" {
            return Err(rusak("catatan akhir zip64 tidak ditemukan"));
        }
        (jumlah, ukuran, awal) = (u64_di(&r, 32), u64_di(&r, 40), u64_di(&r, 48));
    }
    if jumlah > ENTRI_ZIP_MAKS {
        return Err(Masalah::Rusak(format!(
            "arsipnya mengaku memuat {jumlah} bagian; buku kerja memuat puluhan"
        )));
    }
    if ukuran > DIREKTORI_ZIP_MAKS || awal.checked_add(ukuran).is_none_or(|x| x > panjang) {
        return Err(rusak("daftar isi arsip zip menunjuk ke luar berkas"));
    }
    let mut cd = vec![0u8; ukuran as usize];
    f.seek(SeekFrom::Start(awal)).map_err(io)?;
    f.read_exact(&mut cd).map_err(io)?;
    entri_direktori(&cd, jumlah)
}

/// The entries of a central directory, each with its zip64 sizes when it has them.
fn entri_direktori(cd: &[u8], jumlah: u64) -> Result<Vec<Entri>, Masalah> {
    let mut hasil = Vec::with_capacity(jumlah as usize);
    let mut i = 0usize;
    while i + 46 <= cd.len() && cd[i..i + 4] == *b"PK\x01\x02" {
        let (nama_p, ekstra_p, komentar_p) = (
            usize::from(u16_di(cd, i + 28)),
            usize::from(u16_di(cd, i + 30)),
            usize::from(u16_di(cd, i + 32)),
        );
        let ujung = i + 46 + nama_p + ekstra_p + komentar_p;
        if ujung > cd.len() {
            return Err(Masalah::Rusak("daftar isi arsip zip terpotong".to_string()));
        }
        let mut terkompres = u64::from(u32_di(cd, i + 20));
        let mut terurai = u64::from(u32_di(cd, i + 24));
        let mut ekstra = &cd[i + 46 + nama_p..i + 46 + nama_p + ekstra_p];
        while ekstra.len() >= 4 {
            let (id, n) = (u16_di(ekstra, 0), usize::from(u16_di(ekstra, 2)));
            let isi = &ekstra[4..(4 + n).min(ekstra.len())];
            if id == 1 {
                let mut j = 0;
                if terurai == 0xFFFF_FFFF && isi.len() >= j + 8 {
                    terurai = u64_di(isi, j);
                    j += 8;
                }
                if terkompres == 0xFFFF_FFFF && isi.len() >= j + 8 {
                    terkompres = u64_di(isi, j);
                }
            }
            ekstra = &ekstra[(4 + n).min(ekstra.len())..];
        }
        hasil.push(Entri {
            nama: String::from_utf8_lossy(&cd[i + 46..i + 46 + nama_p]).into_owned(),
            terenkripsi: u16_di(cd, i + 8) & 1 == 1,
            terkompres,
            terurai,
        });
        i = ujung;
    }
    Ok(hasil)
}

/// What the entries claim, against the bounds: encryption, total inflated size, ratio.
pub fn periksa_entri(entri: &[Entri], batas_terurai: u64) -> Result<(), Masalah> {
    if entri.iter().any(|e| e.terenkripsi) {
        return Err(Masalah::BerkataSandi);
    }
    let terurai = entri
        .iter()
        .map(|e| e.terurai)
        .fold(0u64, u64::saturating_add);
    if terurai > batas_terurai {
        return Err(Masalah::TerlaluBesar { terurai });
    }
    if let Some(e) = entri
        .iter()
        .find(|e| e.terurai > BOM_MULAI && e.terurai / e.terkompres.max(1) > RASIO_BOM)
    {
        return Err(Masalah::Rusak(format!(
            "bagian '{}' mengembang dari {} KB menjadi {} MB ({}×), ciri bom zip",
            e.nama,
            e.terkompres / 1024,
            e.terurai >> 20,
            e.terurai / e.terkompres.max(1)
        )));
    }
    Ok(())
}

/// The `uniqueCount` an xlsx shared-string table claims, from the first bytes of its XML.
/// calamine reserves that many strings up front (`xlsx/mod.rs` `read_shared_strings`): a
/// claim of 2^32 aborted the process asking for 103 GB, 2^64−1 panicked. `None` when the
/// attribute is absent; a number too large for u64 is `u64::MAX`.
pub fn jumlah_teks_bersama(awal_xml: &[u8]) -> Option<u64> {
    let pola = b"uniqueCount=";
    let i = awal_xml.windows(pola.len()).position(|w| w == pola)? + pola.len();
    let angka = awal_xml[i..]
        .iter()
        .skip(1)
        .take_while(|b| b.is_ascii_digit())
        .fold(0u64, |n, b| {
            n.saturating_mul(10).saturating_add(u64::from(b - b'0'))
        });
    Some(angka)
}

/// Checks the shared-string claim of an xlsx against the size of the entry: a string takes
/// at least `<si/>`, five bytes, so a count above a fifth of the size is a lie. A fix in
/// calamine would close tafia/calamine#684 ("read_shared_strings reserves Vec<String>
/// capacity from unbounded attacker-controlled uniqueCount", open); keep this guard after it.
pub fn periksa_teks_bersama(path: &Path, entri: &[Entri]) -> Result<(), Masalah> {
    let Some((i, e)) = entri
        .iter()
        .enumerate()
        .find(|(_, e)| e.nama.to_ascii_lowercase().ends_with("sharedstrings.xml"))
    else {
        return Ok(());
    };
    let mut awal = Vec::with_capacity(4096);
    let mut baca = || -> zip::result::ZipResult<()> {
        let mut arsip = zip::ZipArchive::new(std::io::BufReader::new(File::open(path)?))?;
        arsip.by_index(i)?.take(4096).read_to_end(&mut awal)?;
        Ok(())
    };
    // A package the zip reader cannot open is left to calamine, which says why.
    if baca().is_err() {
        return Ok(());
    }
    match jumlah_teks_bersama(&awal) {
        Some(n) if n > e.terurai / 5 + 1 => Err(Masalah::Rusak(format!(
            "daftar teks bersama ({}) mengaku memuat {n} teks, padahal isinya hanya {} byte",
            e.nama, e.terurai
        ))),
        _ => Ok(()),
    }
}

thread_local! {
    /// Set while this thread runs reader code under [`tangkap`]: its panics are answered
    /// with a message, so the default hook must not print them.
    static DIJAGA: Cell<bool> = const { Cell::new(false) };
}
static KAIT: Once = Once::new();

/// Runs reader code and turns a panic inside it into `Err(())`. The panic hook stays quiet
/// only for the threads inside `tangkap`: a bug anywhere else still prints as usual.
pub(crate) fn tangkap<T>(f: impl FnOnce() -> T) -> Result<T, ()> {
    KAIT.call_once(|| {
        let lama = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !DIJAGA.with(Cell::get) {
                lama(info);
            }
        }));
    });
    let sebelum = DIJAGA.with(|d| d.replace(true));
    let hasil = panic::catch_unwind(AssertUnwindSafe(f));
    DIJAGA.with(|d| d.set(sebelum));
    hasil.map_err(|_| ())
}

/// calamine's English error text, said in Indonesian for the cases a user meets; other
/// details are dropped rather than shown in English.
pub fn terjemahkan(rincian: &str) -> String {
    let r = rincian.to_ascii_lowercase();
    let pola: [(&str, &str); 10] = [
        (
            "larger than its declared",
            "sebuah bagian arsip zip mengembang melebihi ukuran yang diakuinya",
        ),
        ("eocd", "akhir arsip zip tidak ditemukan"),
        ("invalid zip", "arsip zip tidak utuh"),
        ("zip", "arsip zip tidak utuh"),
        ("xml", "XML di dalamnya tidak utuh"),
        ("password", "berkas dilindungi kata sandi"),
        ("cfb", "struktur berkas Excel 97–2003 tidak utuh"),
        ("unexpected end", "berkas berakhir sebelum waktunya"),
        ("eof", "berkas berakhir sebelum waktunya"),
        ("not found", "bagian yang dirujuk tidak ada"),
    ];
    pola.iter()
        .find(|(p, _)| r.contains(p))
        .map_or("susunannya tidak dapat diurai", |(_, id)| id)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn klaim_teks_bersama_dibaca_dari_awal_xml() {
        let xml =
            br#"<?xml version="1.0"?><sst xmlns="x" count="3" uniqueCount="18446744073709551615">"#;
        assert_eq!(jumlah_teks_bersama(xml), Some(u64::MAX));
        assert_eq!(
            jumlah_teks_bersama(br#"<sst uniqueCount="99999999999999999999999">"#),
            Some(u64::MAX)
        );
        assert_eq!(jumlah_teks_bersama(br#"<sst uniqueCount='12'>"#), Some(12));
        assert_eq!(jumlah_teks_bersama(b"<sst count=\"3\">"), None);
    }

    #[test]
    fn panik_di_pembaca_menjadi_galat() {
        assert_eq!(tangkap(|| 7), Ok(7));
        let v: Vec<u8> = Vec::new();
        assert_eq!(tangkap(|| v[3]), Err(()));
    }

    fn entri(terkompres: u64, terurai: u64) -> Entri {
        Entri {
            nama: "xl/worksheets/sheet1.xml".into(),
            terenkripsi: false,
            terkompres,
            terurai,
        }
    }

    #[test]
    fn bom_zip_dan_sandi_dikenali() {
        assert_eq!(periksa_entri(&[entri(4 << 20, 40 << 20)], 1 << 31), Ok(()));
        assert!(matches!(
            periksa_entri(&[entri(1 << 20, 1 << 30)], 1 << 31),
            Err(Masalah::Rusak(_))
        ));
        assert!(matches!(
            periksa_entri(&[entri(1 << 30, 3 << 30)], 1 << 31),
            Err(Masalah::TerlaluBesar { .. })
        ));
        let mut e = entri(10, 10);
        e.terenkripsi = true;
        assert_eq!(periksa_entri(&[e], 1 << 31), Err(Masalah::BerkataSandi));
    }

    #[test]
    fn pesan_calamine_diterjemahkan() {
        assert_eq!(
            terjemahkan("Zip error: invalid Zip archive: Could not find EOCD"),
            "akhir arsip zip tidak ditemukan"
        );
        assert_eq!(
            terjemahkan("Something odd"),
            "susunannya tidak dapat diurai"
        );
    }
}
