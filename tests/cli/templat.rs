//! `lkjip templat`: the blank forms match the committed `templates/*.xlsx`, are the same
//! bytes every run, carry their headers, validations and frozen panes where a person
//! expects them, and, filled in as a person would, are read back without a galat.

use crate::bantu::{akar, lembar, lkjip, teks};
use lkjip::sheet::{self, Isi};
use serde_json::Value;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The year the committed templates are written for (templates/README.md).
const TAHUN_TEMPLAT: &str = "2026";

/// `lkjip templat JENIS -o DIR/JENIS.xlsx --tahun TAHUN`, which must succeed.
fn templat(jenis: &str, dir: &Path, tahun: &str) -> PathBuf {
    let keluaran = dir.join(format!("{jenis}.xlsx"));
    lkjip()
        .args(["templat", jenis, "-o"])
        .arg(&keluaran)
        .args(["--tahun", tahun])
        .assert()
        .success();
    keluaran
}

/// A sheet's name and its non-empty cells: (row, column, value as text).
type IsiLembar = (String, Vec<(u32, usize, String)>);

/// Every non-empty cell of every sheet, as text, per sheet in order.
fn isi_buku(berkas: &Path) -> Vec<IsiLembar> {
    let mut buku = sheet::buka(berkas).unwrap();
    buku.lembar
        .clone()
        .into_iter()
        .map(|nama| {
            let grid = buku.baca(&nama).unwrap();
            let sel = grid
                .baris
                .iter()
                .flat_map(|b| {
                    b.sel
                        .iter()
                        .enumerate()
                        .filter_map(move |(c, isi)| match isi {
                            Isi::Kosong => None,
                            Isi::Teks(t) if t.is_empty() => None,
                            Isi::Teks(t) => Some((b.r, c, t.clone())),
                            lain => Some((b.r, c, format!("{lain:?}"))),
                        })
                })
                .collect();
            (nama, sel)
        })
        .collect()
}

/// One entry of a workbook's package, as text.
fn entri(berkas: &Path, nama: &str) -> String {
    let mut arsip = zip::ZipArchive::new(std::fs::File::open(berkas).unwrap()).unwrap();
    let mut isi = String::new();
    arsip
        .by_name(nama)
        .unwrap()
        .read_to_string(&mut isi)
        .unwrap();
    isi
}

#[test]
fn templat_sama_dengan_berkas_di_repositori_dan_tetap() {
    let dir = tempfile::tempdir().unwrap();
    for jenis in ["realisasi", "pk", "kinerja"] {
        let baru = templat(jenis, dir.path(), TAHUN_TEMPLAT);
        let tersimpan = akar(&format!("templates/{jenis}.xlsx"));
        assert_eq!(
            isi_buku(&baru),
            isi_buku(&tersimpan),
            "templates/{jenis}.xlsx tidak sama dengan keluaran `lkjip templat {jenis} --tahun {TAHUN_TEMPLAT}`: \
             buat ulang dengan perintah di templates/README.md"
        );
        // The document date is fixed: two runs give the same bytes.
        let lagi = dir.path().join("lagi");
        std::fs::create_dir_all(&lagi).unwrap();
        let kedua = templat(jenis, &lagi, TAHUN_TEMPLAT);
        assert_eq!(
            std::fs::read(&baru).unwrap(),
            std::fs::read(&kedua).unwrap(),
            "{jenis}"
        );
    }
    // Nothing but the three workbooks and the second folder is left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 4);
}

#[test]
fn templat_tahun_tertulis_di_judul() {
    let dir = tempfile::tempdir().unwrap();
    let pk = templat("pk", dir.path(), "2031");
    assert_eq!(
        teks(&lembar(&pk, "PK")[0][0]),
        "PERJANJIAN KINERJA TAHUN 2031"
    );
    let realisasi = templat("realisasi", dir.path(), "2031");
    assert_eq!(
        teks(&lembar(&realisasi, "Realisasi")[1][0]),
        "TAHUN ANGGARAN 2031"
    );
}

#[test]
fn templat_kepala_validasi_dan_panel_beku() {
    use lkjip::formulir::{JenisFormulir, formulir};
    let dir = tempfile::tempdir().unwrap();
    let judul = |jenis: JenisFormulir, lembar: usize, tabel: usize| -> Vec<String> {
        formulir(jenis, 2026).lembar[lembar].tabel[tabel]
            .kolom
            .iter()
            .map(|k| k.judul.to_string())
            .collect()
    };
    let baris = |berkas: &Path, nama: &str, r: usize, n: usize| -> Vec<String> {
        lembar(berkas, nama)[r][..n].iter().map(teks).collect()
    };

    // Realisasi: title, year, an empty row, the header on Excel row 4; JUMLAH after the
    // 200 prepared rows, in the uraian column.
    let realisasi = templat("realisasi", dir.path(), TAHUN_TEMPLAT);
    let kolom = judul(JenisFormulir::Realisasi, 0, 0);
    assert_eq!(baris(&realisasi, "Realisasi", 3, kolom.len()), kolom);
    assert_eq!(teks(&lembar(&realisasi, "Realisasi")[204][1]), "JUMLAH");
    let xml = entri(&realisasi, "xl/worksheets/sheet1.xml");
    assert!(
        xml.contains(r#"<pane ySplit="4" topLeftCell="A5""#),
        "{xml}"
    );
    // Pagu, Realisasi and Sisa: decimal numbers over the 200 prepared rows.
    assert!(xml.contains(r#"type="decimal""#) && xml.contains(r#"sqref="C5:C204""#));
    // The header notes.
    assert!(entri(&realisasi, "xl/comments1.xml").contains("kode nomenklatur Kepmendagri"));

    // PK: four opening lines, an empty row, the sasaran header on row 6; two empty rows
    // under its ten rows, the program header on row 19, JUMLAH on row 35.
    let pk = templat("pk", dir.path(), TAHUN_TEMPLAT);
    let kolom = judul(JenisFormulir::Pk, 0, 0);
    assert_eq!(baris(&pk, "PK", 5, kolom.len()), kolom);
    let kolom = judul(JenisFormulir::Pk, 0, 1);
    assert_eq!(baris(&pk, "PK", 18, kolom.len()), kolom);
    assert_eq!(teks(&lembar(&pk, "PK")[34][1]), "JUMLAH");
    let xml = entri(&pk, "xl/worksheets/sheet1.xml");
    assert!(
        xml.contains(r#"<pane ySplit="6" topLeftCell="A7""#),
        "{xml}"
    );

    // Kinerja: the header on row 1 of each sheet, frozen under it.
    let kinerja = templat("kinerja", dir.path(), TAHUN_TEMPLAT);
    let nama = ["IKU", "Tahunan", "Triwulan", "Program", "Peta Anggaran"];
    for (i, n) in nama.iter().enumerate() {
        let kolom = judul(JenisFormulir::Kinerja, i, 0);
        assert_eq!(baris(&kinerja, n, 0, kolom.len()), kolom, "{n}");
        let xml = entri(&kinerja, &format!("xl/worksheets/sheet{}.xml", i + 1));
        assert!(
            xml.contains(r#"<pane ySplit="1" topLeftCell="A2""#),
            "{n}: {xml}"
        );
    }
    // IKU: Polaritas (E) and Kumulatif (F) are lists.
    let iku = entri(&kinerja, "xl/worksheets/sheet1.xml");
    assert!(
        iku.contains(r#"<dataValidation type="list""#)
            && iku.contains(r#"sqref="E2:E21""#)
            && iku.contains("<formula1>\"naik,turun\"</formula1>")
            && iku.contains("<formula1>\"ya,tidak\"</formula1>"),
        "{iku}"
    );
    // Tahunan: the year a whole number 2000-2100.
    let tahunan = entri(&kinerja, "xl/worksheets/sheet2.xml");
    assert!(
        tahunan.contains(r#"<dataValidation type="whole""#)
            && tahunan.contains("<formula1>2000</formula1><formula2>2100</formula2>"),
        "{tahunan}"
    );
    // Triwulan: a whole number 1-4; Target and Realisasi accept `n/a` (no number rule).
    let triwulan = entri(&kinerja, "xl/worksheets/sheet3.xml");
    assert!(
        triwulan.contains(r#"<dataValidation type="whole""#)
            && triwulan.contains(r#"sqref="B2:B41""#)
            && triwulan.contains("<formula1>1</formula1><formula2>4</formula2>"),
        "{triwulan}"
    );
    assert!(
        !triwulan.contains(r#"type="decimal""#),
        "kolom Angka menerima n/a: {triwulan}"
    );
    // The last sheet explains every column.
    let petunjuk = lembar(&kinerja, "Petunjuk");
    assert!(
        petunjuk
            .iter()
            .any(|b| b.len() >= 4 && teks(&b[0]) == "Triwulan" && teks(&b[1]) == "Triwulan"),
        "{petunjuk:?}"
    );
}

#[test]
fn templat_salah_keluaran_ditolak() {
    let dir = tempfile::tempdir().unwrap();
    let salah = dir.path().join("formulir.xls");
    let hasil = lkjip()
        .args(["templat", "pk", "-o"])
        .arg(&salah)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
    assert!(stderr.contains("harus berakhiran .xlsx"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let hasil = lkjip()
        .args(["templat", "lra", "-o", "x.xlsx"])
        .current_dir(dir.path())
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
    assert!(
        stderr.contains("pilihan: realisasi, pk, kinerja"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// A cell a test types into a form.
pub enum IsiUji<'a> {
    /// Leave the cell as the form has it.
    Kosong,
    Teks(&'a str),
    Angka(f64),
}

/// A filled copy of a form, written beside it as `NAMA-terisi.xlsx`: every cell of
/// `templat` (read with `lkjip::sheet`, so values only, no formats or validations) at its
/// place, then each `(lembar, baris, sel)` of `isian` typed over it: `baris` is the 0-based
/// row of the sheet, `sel` the cells from column A ([`IsiUji::Kosong`] keeps the form's).
/// Numbers go in as numbers and text as text, as a person typing them would leave them.
/// Made to be reused by the tests of every form's reader.
pub fn isi_formulir(templat: &Path, isian: &[(&str, u32, Vec<IsiUji>)]) -> PathBuf {
    use rust_xlsxwriter::Workbook;
    let mut buku = sheet::buka(templat).unwrap();
    let mut wb = Workbook::new();
    for (l, _, _) in isian {
        assert!(
            buku.lembar.iter().any(|n| n == l),
            "lembar {l} tidak ada di {}",
            templat.display()
        );
    }
    for nama in buku.lembar.clone() {
        let grid = buku.baca(&nama).unwrap();
        let ws = wb.add_worksheet();
        ws.set_name(&nama).unwrap();
        for b in &grid.baris {
            for (c, isi) in b.sel.iter().enumerate() {
                let c = c as u16;
                match isi {
                    Isi::Teks(t) if !t.is_empty() => {
                        ws.write_string(b.r, c, t).unwrap();
                    }
                    Isi::Angka(f) => {
                        ws.write_number(b.r, c, *f).unwrap();
                    }
                    _ => {}
                }
            }
        }
        for (_, r, sel) in isian.iter().filter(|(l, _, _)| *l == nama) {
            for (c, isi) in sel.iter().enumerate() {
                let c = c as u16;
                match isi {
                    IsiUji::Kosong => {}
                    IsiUji::Teks(t) => {
                        ws.write_string(*r, c, *t).unwrap();
                    }
                    IsiUji::Angka(f) => {
                        ws.write_number(*r, c, *f).unwrap();
                    }
                }
            }
        }
    }
    let stem = templat.file_stem().unwrap().to_string_lossy();
    let tujuan = templat.with_file_name(format!("{stem}-terisi.xlsx"));
    wb.save(&tujuan).unwrap();
    tujuan
}

/// `lkjip periksa BERKAS --format json`, with the exit code expected.
fn periksa_json(berkas: &Path, kode: i32) -> Value {
    let keluaran = lkjip()
        .arg("periksa")
        .arg(berkas)
        .args(["--format", "json"])
        .assert()
        .code(kode)
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&keluaran).unwrap()
}

/// `30.177.653.595,00` → 30177653595.0, `96,46` → 96.46.
fn angka_indo(s: &str) -> f64 {
    s.replace('.', "").replace(',', ".").parse().unwrap()
}

/// The lines of a sample's TSV after its header, split at tabs.
fn tsv(rel: &str) -> Vec<Vec<String>> {
    std::fs::read_to_string(akar(rel))
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

#[test]
fn templat_realisasi_diisi_terbaca_tanpa_galat_dan_tersusun() {
    // The realisasi form for 2022 filled with seed 001's Tabel 19, as the sample holds it:
    // 107 rows in the prepared rows, the total in the form's own JUMLAH row.
    let dir = tempfile::tempdir().unwrap();
    let form = templat("realisasi", dir.path(), "2022");
    let sumber = tsv("samples/bontang-barat-2022/sumber-tabel19.tsv");
    let (jumlah, rincian): (Vec<_>, Vec<_>) = sumber.iter().partition(|b| b[0].is_empty());
    assert_eq!((rincian.len(), jumlah.len()), (107, 1));
    // Three rows have no realisasi fisik: left empty, as in the sample.
    let angka = |b: &[String]| -> Vec<IsiUji> {
        b[2..7]
            .iter()
            .map(|s| {
                if s.is_empty() {
                    IsiUji::Kosong
                } else {
                    IsiUji::Angka(angka_indo(s))
                }
            })
            .collect()
    };
    let mut isian: Vec<(&str, u32, Vec<IsiUji>)> = Vec::new();
    for (i, b) in rincian.iter().enumerate() {
        let mut sel = vec![IsiUji::Teks(&b[0]), IsiUji::Teks(&b[1])];
        sel.extend(angka(b));
        isian.push(("Realisasi", 4 + i as u32, sel));
    }
    let mut sel = vec![IsiUji::Kosong, IsiUji::Kosong];
    sel.extend(angka(jumlah[0]));
    isian.push(("Realisasi", 204, sel));
    let terisi = isi_formulir(&form, &isian);

    let json = periksa_json(&terisi, 0);
    assert_eq!(json["ringkasan"]["galat"], 0, "{json:#}");
    assert_eq!(json["ringkasan"]["peringatan"], 0, "{json:#}");
    let dipakai = json["ringkasan"]["dipakai"].as_array().unwrap();
    assert_eq!(dipakai.len(), 1, "{json:#}");
    assert_eq!(dipakai[0]["lembar"], "Realisasi");
    assert_eq!(dipakai[0]["baris"], 107);

    // `susun` gives the tables the sample's LRA export gives.
    let tabel = dir.path().join("tabel.xlsx");
    lkjip()
        .args(["susun"])
        .arg(&terisi)
        .arg("-o")
        .arg(&tabel)
        .assert()
        .success();
    let acuan = dir.path().join("acuan.xlsx");
    lkjip()
        .args(["susun", "samples/bontang-barat-2022/realisasi.xlsx", "-o"])
        .arg(&acuan)
        .current_dir(akar(""))
        .assert()
        .success();
    for nama in ["Tabel 16", "Tabel 18", "Tabel 19"] {
        assert_eq!(lembar(&tabel, nama), lembar(&acuan, nama), "{nama}");
    }
}

#[test]
fn templat_pk_diisi_terbaca_tanpa_galat() {
    // The PK form for 2022 filled with the Kecamatan Bontang Barat PK (seed 001 Tabel 6 and
    // the pagu of its programs, samples/bontang-barat-2022/sumber-pk.tsv).
    let dir = tempfile::tempdir().unwrap();
    let form = templat("pk", dir.path(), "2022");
    let sumber = tsv("samples/bontang-barat-2022/sumber-pk.tsv");
    let jenis = |j: &'static str| sumber.iter().filter(move |b| b[1] == j);
    let mut isian: Vec<(&str, u32, Vec<IsiUji>)> = vec![(
        "PK",
        1,
        vec![IsiUji::Teks("Instansi : Kecamatan Bontang Barat")],
    )];
    for (i, b) in jenis("sasaran").enumerate() {
        let sel = b[2..7].iter().map(|s| IsiUji::Teks(s)).collect();
        isian.push(("PK", 6 + i as u32, sel));
    }
    for (i, b) in jenis("program").enumerate() {
        isian.push((
            "PK",
            19 + i as u32,
            vec![
                IsiUji::Teks(&b[2]),
                IsiUji::Teks(&b[3]),
                IsiUji::Angka(b[5].parse().unwrap()),
                IsiUji::Teks(&b[6]),
            ],
        ));
    }
    let jumlah = jenis("jumlah").next().unwrap();
    isian.push((
        "PK",
        34,
        vec![
            IsiUji::Kosong,
            IsiUji::Kosong,
            IsiUji::Angka(jumlah[5].parse().unwrap()),
        ],
    ));
    let terisi = isi_formulir(&form, &isian);

    let json = periksa_json(&terisi, 0);
    assert_eq!(json["ringkasan"]["galat"], 0, "{json:#}");
    let dipakai = json["ringkasan"]["dipakai"].as_array().unwrap();
    assert_eq!(dipakai.len(), 1, "{json:#}");
    assert_eq!(dipakai[0]["lembar"], "PK");

    // What was read: the four sasaran with their targets, the five programs and the total.
    let mut buku = sheet::buka(&terisi).unwrap();
    let grid = buku.baca("PK").unwrap();
    let lkjip::recognise::pk::Hasil::Pk(pk, _) = lkjip::recognise::pk::kenali(&grid) else {
        panic!("lembar PK tidak terbaca sebagai PK");
    };
    assert_eq!(pk.tahun, Some(2022));
    assert_eq!(pk.instansi.as_ref().unwrap().isi, "Kecamatan Bontang Barat");
    assert_eq!(pk.sasaran.len(), 4);
    let target = pk.sasaran[0].target.as_ref().unwrap();
    assert_eq!(target.nilai.unwrap().nilai, "87.0".parse().unwrap());
    assert_eq!(pk.program.len(), 5);
    assert_eq!(
        pk.jumlah.as_ref().unwrap().nilai.nilai(),
        "30177653595".parse().unwrap()
    );
}

#[test]
fn templat_kosong_diperiksa_dengan_pesan_jelas() {
    // A blank form is no input yet: exit 2 and say so, naming the sheet, never a panic.
    for (berkas, pesan) in [
        (
            "templates/realisasi.xlsx",
            "templates/realisasi.xlsx › Realisasi: tabel ditemukan tetapi belum berisi data",
        ),
        (
            "templates/pk.xlsx",
            "templates/pk.xlsx › PK: tabel Perjanjian Kinerja ditemukan tetapi belum berisi data",
        ),
        (
            "templates/kinerja.xlsx",
            "templates/kinerja.xlsx › IKU: tabel ditemukan tetapi belum berisi data",
        ),
    ] {
        let hasil = lkjip()
            .args(["periksa", berkas])
            .current_dir(akar(""))
            .assert()
            .code(2);
        let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
        assert!(stderr.contains(pesan), "{berkas}: {stderr}");
        assert!(!stderr.contains("panicked"), "{berkas}: {stderr}");
    }
}
