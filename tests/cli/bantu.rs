//! Small helpers shared by the integration tests.

use assert_cmd::Command;
use calamine::{Data, Reader, Xlsx, open_workbook};
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};
use std::str::FromStr;

pub fn lkjip() -> Command {
    Command::cargo_bin("lkjip").expect("binary lkjip dibangun oleh cargo test")
}

/// A path under the package root.
pub fn akar(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// `../shared/...` beside the repository, when it is there (it is beside the developers'
/// checkout, never beside a user's clone). Tests must pass without it: a test that uses it
/// only compares a fixture of the repo with its source, and says so when it is skipped.
pub fn shared_bila_ada(rel: &str) -> Option<PathBuf> {
    let p = akar("../shared").join(rel);
    if p.exists() {
        Some(p)
    } else {
        println!(
            "dilewati: {} tidak ada (folder shared/ tidak di samping repo)",
            p.display()
        );
        None
    }
}

/// The lines of one `[bagian]` of `tests/data/seed-001.txt`: figures of seed 001 copied as
/// the seed prints them, tab-separated.
pub fn fikstur(bagian: &str) -> Vec<String> {
    let teks = std::fs::read_to_string(akar("tests/data/seed-001.txt")).unwrap();
    let kepala = format!("[{bagian}]");
    teks.lines()
        .skip_while(|l| *l != kepala)
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .map(str::to_string)
        .collect()
}

/// A sheet of a written workbook, as calamine reads it: cached values for formula cells.
pub fn lembar(berkas: &Path, nama: &str) -> Vec<Vec<Data>> {
    let mut wb: Xlsx<_> = open_workbook(berkas).expect("buku kerja keluaran terbaca");
    let range = wb.worksheet_range(nama).expect("lembar ada");
    range.rows().map(|r| r.to_vec()).collect()
}

/// The formulas of a sheet, by (row, col) 0-based absolute.
pub fn rumus(berkas: &Path, nama: &str) -> Vec<((u32, u32), String)> {
    let mut wb: Xlsx<_> = open_workbook(berkas).expect("buku kerja keluaran terbaca");
    let range = wb.worksheet_formula(nama).expect("lembar ada");
    let (r0, c0) = range.start().unwrap_or((0, 0));
    range
        .used_cells()
        .filter(|(_, _, f)| !f.is_empty())
        .map(|(r, c, f)| ((r as u32 + r0, c as u32 + c0), f.clone()))
        .collect()
}

/// A numeric cell as an exact Decimal (through its shortest text, as the program does).
pub fn angka(d: &Data) -> Option<Decimal> {
    match d {
        Data::Float(f) => Decimal::from_str(&f.to_string()).ok(),
        Data::Int(i) => Some(Decimal::from(*i)),
        _ => None,
    }
}

/// `30.177.653.595,00` → 30177653595.
pub fn indo(s: &str) -> Decimal {
    Decimal::from_str(&s.trim().replace('.', "").replace(',', ".")).expect("angka gaya Indonesia")
}

pub fn teks(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        lain => lain.to_string(),
    }
}

/// `lkjip susun MASUKAN -o TEMP/keluaran.xlsx` from the package root, which must succeed;
/// the folder lives as long as the returned guard.
pub fn susun_sementara(masukan: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let keluaran = dir.path().join("keluaran.xlsx");
    lkjip()
        .args(["susun", masukan, "-o"])
        .arg(&keluaran)
        .current_dir(akar(""))
        .assert()
        .success();
    (dir, keluaran)
}

/// A cell of a workbook a test builds.
pub enum SelUji<'a> {
    Teks(&'a str),
    Angka(f64),
    /// A date cell (day, month, year), shown `dd/mm/yyyy` as Excel would.
    Tanggal(u8, u8, u16),
}

/// Writes `baris` (row by row from A1) as sheet `LRA` of `DIR/nama` and returns its path.
pub fn buku_uji(dir: &Path, nama: &str, baris: &[Vec<SelUji>]) -> PathBuf {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("LRA").unwrap();
    let tanggal = Format::new().set_num_format("dd/mm/yyyy");
    for (r, sel) in baris.iter().enumerate() {
        for (c, isi) in sel.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match isi {
                SelUji::Teks(t) => ws.write_string(r, c, *t).map(|_| ()),
                SelUji::Angka(f) => ws.write_number(r, c, *f).map(|_| ()),
                SelUji::Tanggal(d, m, y) => {
                    let t = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                    ws.write_datetime_with_format(r, c, &t, &tanggal)
                        .map(|_| ())
                }
            }
            .unwrap();
        }
    }
    let path = dir.join(nama);
    wb.save(&path).unwrap();
    path
}

/// `lkjip periksa BERKAS... --format json`, which must exit with `kode`.
pub fn periksa_semua_json(berkas: &[PathBuf], kode: i32) -> serde_json::Value {
    let keluaran = lkjip()
        .arg("periksa")
        .args(berkas)
        .args(["--format", "json"])
        .assert()
        .code(kode)
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&keluaran).unwrap()
}

/// The findings of one tingkat (`galat`, `peringatan`, `info`) of `periksa --format json`.
pub fn temuan_tingkat<'a>(
    json: &'a serde_json::Value,
    tingkat: &str,
) -> Vec<&'a serde_json::Value> {
    json["temuan"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["tingkat"] == tingkat)
        .collect()
}

/// A copy of the workbook `sampel` (under the package root) in which the cell text or
/// value `dari` (written exactly once, in a sheet or the shared strings) becomes `jadi`.
pub fn salin_dengan(sampel: &str, dari: &str, jadi: &str) -> (tempfile::TempDir, PathBuf) {
    salin_dengan_di(sampel, None, dari, jadi)
}

/// [`salin_dengan`] in one part of the package only (`xl/worksheets/sheet6.xml`).
pub fn salin_dengan_di(
    sampel: &str,
    bagian: Option<&str>,
    dari: &str,
    jadi: &str,
) -> (tempfile::TempDir, PathBuf) {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let tujuan = dir.path().join(Path::new(sampel).file_name().unwrap());
    let mut asal = zip::ZipArchive::new(std::fs::File::open(akar(sampel)).unwrap()).unwrap();
    let mut tulis = zip::ZipWriter::new(std::fs::File::create(&tujuan).unwrap());
    let cari = format!(">{dari}<");
    let mut diganti = 0;
    for i in 0..asal.len() {
        let mut f = asal.by_index(i).unwrap();
        let nama = f.name().unwrap().to_string();
        let mut isi = Vec::new();
        f.read_to_end(&mut isi).unwrap();
        let dipilih = match bagian {
            Some(b) => nama == b,
            None => nama == "xl/sharedStrings.xml" || nama.starts_with("xl/worksheets/"),
        };
        if dipilih {
            let teks = String::from_utf8(isi).unwrap();
            diganti += teks.matches(&cari).count();
            isi = teks.replace(&cari, &format!(">{jadi}<")).into_bytes();
        }
        tulis
            .start_file(nama, zip::write::SimpleFileOptions::default())
            .unwrap();
        tulis.write_all(&isi).unwrap();
    }
    tulis.finish().unwrap();
    assert_eq!(diganti, 1, "{dari} tepat sekali di {sampel}");
    (dir, tujuan)
}

/// A copy of `asal` whose cells (first sheet) hold these cached values.
pub fn salin_dengan_nilai(asal: &str, ganti: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    use std::io::{Read, Write};
    let tujuan = dir.path().join(Path::new(asal).file_name().unwrap());
    let mut zip = zip::ZipArchive::new(std::fs::File::open(akar(asal)).unwrap()).unwrap();
    let mut tulis = zip::ZipWriter::new(std::fs::File::create(&tujuan).unwrap());
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let nama = f.name().unwrap().to_string();
        let mut isi = Vec::new();
        f.read_to_end(&mut isi).unwrap();
        if nama == "xl/worksheets/sheet1.xml" {
            let mut teks = String::from_utf8(isi).unwrap();
            for (sel, jadi) in ganti {
                let awal = teks.find(&format!("r=\"{sel}\"")).expect("sel ada");
                let v = awal + teks[awal..].find("<v>").unwrap() + 3;
                let akhir = v + teks[v..].find("</v>").unwrap();
                teks.replace_range(v..akhir, jadi);
            }
            isi = teks.into_bytes();
        }
        tulis
            .start_file(nama, zip::write::SimpleFileOptions::default())
            .unwrap();
        tulis.write_all(&isi).unwrap();
    }
    tulis.finish().unwrap();
    (dir, tujuan)
}
