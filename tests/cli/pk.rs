//! Perjanjian Kinerja: the PK samples read and checked, and copies with one amount changed.
//! Expected amounts are seed 004's and seed 000's as printed, with the arithmetic in the
//! comments.

use crate::bantu::{akar, lkjip, salin_dengan};
use lkjip::model::pk::Pk;
use lkjip::recognise::pk::{Hasil, kenali};
use rust_decimal::Decimal;
use serde_json::Value;
use std::path::Path;

const MANGKUTANA: &str = "samples/mangkutana-2024/pk.xlsx";
const BONTANG_2023: &str = "samples/bontang-barat-2023/pk.xlsx";

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// `lkjip periksa BERKAS --format json`, with the exit code expected.
fn periksa_json(berkas: &Path, kode: i32) -> Value {
    let keluaran = lkjip()
        .arg("periksa")
        .arg(berkas)
        .args(["--format", "json"])
        .current_dir(akar(""))
        .assert()
        .code(kode)
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&keluaran).unwrap()
}

fn temuan<'a>(json: &'a Value, tingkat: &str) -> Vec<&'a Value> {
    json["temuan"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["tingkat"] == tingkat)
        .collect()
}

/// A copy of a sample workbook in a temporary folder with one cell text changed: the text is
/// replaced where the workbook keeps its texts (inline in the sheets, as openpyxl writes
/// them, or in the shared strings), where it must stand exactly once.
fn baca_pk(berkas: &str, lembar: &str) -> Pk {
    let mut buku = lkjip::sheet::buka(&akar(berkas)).unwrap();
    let grid = buku.baca(lembar).unwrap();
    match kenali(&grid) {
        Hasil::Pk(pk, _) => *pk,
        Hasil::Pernyataan(_) => panic!("{lembar}: halaman pernyataan tanpa tabel"),
        Hasil::BukanPk(alasan) => panic!("{lembar}: {alasan}"),
        Hasil::Kosong { baris_kepala } => {
            panic!("{lembar}: kosong, judul kolom di baris {baris_kepala}")
        }
    }
}

#[test]
fn pk_dibaca_dengan_target_satuan_dan_pihak() {
    let camat = baca_pk(MANGKUTANA, "Camat");
    assert!(camat.perubahan);
    assert_eq!(camat.tahun, Some(2024));
    let p1 = camat.pihak_pertama.as_ref().unwrap();
    assert_eq!(p1.jabatan.isi, "CAMAT MANGKUTANA");
    assert_eq!(p1.nama.as_ref().unwrap().isi, "(nama)");
    assert_eq!(
        camat.pihak_kedua.as_ref().unwrap().jabatan.isi,
        "Pjs. BUPATI LUWU TIMUR"
    );
    assert_eq!(
        camat.instansi.as_ref().unwrap().isi,
        "KANTOR CAMAT MANGKUTANA"
    );
    // Two sasaran strategis (satuan `Nilai` beside the number) and five sasaran program.
    assert_eq!(camat.sasaran.len(), 7);
    let ikm = &camat.sasaran[0].target.as_ref().unwrap();
    assert_eq!(ikm.nilai.unwrap().nilai, d("87.40"));
    assert_eq!(ikm.satuan.as_deref(), Some("Nilai"));
    let program = &camat.sasaran[2].target.as_ref().unwrap();
    assert_eq!(
        (program.nilai.unwrap().nilai, program.satuan.as_deref()),
        (d("100"), Some("%"))
    );
    // Six programs and the unlabelled total under them.
    assert_eq!(camat.program.len(), 6);
    assert_eq!(
        camat.program[0].anggaran.as_ref().unwrap().nilai(),
        d("2877638950")
    );
    let jumlah = camat.jumlah.as_ref().unwrap();
    assert!(jumlah.tanpa_label);
    assert_eq!(jumlah.nilai.nilai(), d("3065872800"));

    let umum = baca_pk(MANGKUTANA, "Kasubag Umum");
    let t = umum.sasaran[0].target.as_ref().unwrap();
    assert_eq!(
        (t.nilai.unwrap().nilai, t.satuan.as_deref()),
        (d("18"), Some("Org/Bulan"))
    );
    // `Rp` in its own column, the amount beside it.
    assert_eq!(
        umum.program[0].anggaran.as_ref().unwrap().nilai(),
        d("2026999126")
    );
    assert_eq!(umum.program[0].tingkat, lkjip::kode::Tingkat::SubKegiatan);

    let sekretaris = baca_pk(MANGKUTANA, "Sekretaris Camat");
    // The program row `I.` over its eight kegiatan rows `1.`–`7.`.
    assert_eq!(sekretaris.program.len(), 9);
    assert!(sekretaris.program[1..].iter().all(|l| l.induk == Some(0)));

    let pk2022 = baca_pk("samples/bontang-barat-2022/pk.xlsx", "PK 2022");
    let skm = &pk2022.sasaran[0];
    assert_eq!(skm.satuan.as_ref().unwrap().isi, "Nilai");
    assert_eq!(skm.target.as_ref().unwrap().nilai.unwrap().nilai, d("87.0"));
    assert_eq!(pk2022.tahun, Some(2022));
    assert!(pk2022.pihak_pertama.is_none());
    // Seed 001 Tabel 19: the pagu 30.177.653.595,00 closes the program table.
    assert_eq!(
        pk2022.jumlah.as_ref().unwrap().nilai.nilai(),
        d("30177653595")
    );
}

#[test]
fn pk_mangkutana_tanpa_galat_dan_jumlah_antar_pk_dikonfirmasi() {
    let json = periksa_json(&akar(MANGKUTANA), 0);
    assert_eq!(json["ringkasan"]["galat"], 0, "{json:#}");
    assert_eq!(json["ringkasan"]["peringatan"], 0, "{json:#}");
    assert_eq!(json["ringkasan"]["dipakai"].as_array().unwrap().len(), 8);
    let cocok: Vec<&Value> = json["temuan"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["kode"] == "PK_LINTAS_COCOK")
        .collect();
    // The camat's six programs and the sekretaris's eight kegiatan.
    assert_eq!(cocok.len(), 14, "{json:#}");
    let di = |lembar: &str, sel: &str| {
        cocok
            .iter()
            .find(|t| t["lokasi"]["lembar"] == lembar && t["lokasi"]["sel"] == sel)
            .unwrap_or_else(|| panic!("{lembar} › {sel}: {json:#}"))["pesan"]
            .as_str()
            .unwrap()
            .to_string()
    };
    // Program Penunjang 2.877.638.950: the sekretaris camat's program row.
    assert!(di("Camat", "C31").contains("2.877.638.950"));
    // Administrasi Umum 444.982.374 = 4.086.080 + 5.753.044 + 7.153.250 + 3.600.000
    // + 195.785.000 + 228.605.000, the kasubag umum's six sub kegiatan.
    let umum = di("Sekretaris Camat", "C28");
    assert!(
        umum.contains("444.982.374") && umum.contains("jumlah 6 baris"),
        "{umum}"
    );
    // Program Pembinaan dan Pengawasan Pemerintahan Desa 25.675.800 = 20.284.000 (kasi PMD)
    // + 5.391.800 (kasi pemerintahan umum): two PK under one line.
    let desa = di("Camat", "C36");
    assert!(desa.contains("PEMBERDAYAAN MASYARAKAT DESA") && desa.contains("PEMERINTAHAN UMUM"));
}

#[test]
fn pk_satu_anggaran_diubah_dilaporkan_di_selnya_saja() {
    // The camat's Program Pemberdayaan 112.041.250 typed 112.014.250. It should be
    // 3.065.872.800 − (2.877.638.950 + 6.611.550 + 12.597.500 + 31.307.750 + 25.675.800)
    // = 112.041.250, and the kasi PMD's sub kegiatan say the same: 13.231.000 + 98.810.250.
    let (_dir, salinan) = salin_dengan(
        MANGKUTANA,
        "Rp.       112.041.250.-",
        "Rp.       112.014.250.-",
    );
    let json = periksa_json(&salinan, 1);
    let galat = temuan(&json, "galat");
    assert_eq!(galat.len(), 1, "{json:#}");
    let g = galat[0];
    assert_eq!(g["kode"], "PK_ANGGARAN_SALAH");
    assert_eq!(
        (&g["lokasi"]["lembar"], &g["lokasi"]["sel"]),
        (&"Camat".into(), &"C33".into())
    );
    assert_eq!(g["tertulis"], "112.014.250");
    assert_eq!(g["seharusnya"], "112.041.250");
    assert!(temuan(&json, "peringatan").is_empty(), "{json:#}");
    // Nothing else: the other 13 sums still hold, and the two names read by likeness.
    let info = temuan(&json, "info");
    assert!(
        info.iter()
            .all(|t| t["kode"] == "PK_LINTAS_COCOK" || t["kode"] == "PK_NAMA_MIRIP"),
        "{json:#}"
    );
    assert_eq!(
        info.iter()
            .filter(|t| t["kode"] == "PK_LINTAS_COCOK")
            .count(),
        13
    );
}

#[test]
fn pk_anggaran_bawahan_diubah_dilaporkan_di_sel_bawahan() {
    // The kasi pelayanan umum's one line 6,611,550 typed 6,611,505: the camat's line
    // 6.611.550 agrees with the camat's JUMLAH, so the kasi's cell is the wrong one.
    let (_dir, salinan) = salin_dengan(MANGKUTANA, "6,611,550", "6,611,505");
    let json = periksa_json(&salinan, 1);
    let galat = temuan(&json, "galat");
    assert_eq!(galat.len(), 1, "{json:#}");
    assert_eq!(galat[0]["lokasi"]["lembar"], "Kasi Pelayanan Umum");
    assert_eq!(galat[0]["lokasi"]["sel"], "D23");
    assert_eq!(galat[0]["tertulis"], "6.611.505");
    assert_eq!(galat[0]["seharusnya"], "6.611.550");
}

#[test]
fn pk_jumlah_diubah_dilaporkan_di_jumlah() {
    // Seed 000: 25.870.590.123 + 1.787.508.376 + 17.639.404.898 + 448.835.140 + 267.625.500
    // = 46.013.964.037, typed here 46.013.964.038.
    let json = periksa_json(&akar(BONTANG_2023), 0);
    assert_eq!(json["ringkasan"]["galat"], 0, "{json:#}");
    let (_dir, salinan) = salin_dengan(BONTANG_2023, "46.013.964.037,00", "46.013.964.038,00");
    let json = periksa_json(&salinan, 1);
    let galat = temuan(&json, "galat");
    assert_eq!(galat.len(), 1, "{json:#}");
    assert_eq!(galat[0]["lokasi"]["sel"], "C28");
    assert_eq!(galat[0]["tertulis"], "46.013.964.038");
    assert_eq!(galat[0]["seharusnya"], "46.013.964.037");
}

#[test]
fn pk_saja_tidak_disusun_jadi_tabel_anggaran() {
    let dir = tempfile::tempdir().unwrap();
    let hasil = lkjip()
        .args(["susun", MANGKUTANA, "-o"])
        .arg(dir.path().join("x.xlsx"))
        .current_dir(akar(""))
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
    assert!(
        stderr.contains("hanya memuat Perjanjian Kinerja"),
        "{stderr}"
    );
    assert!(!dir.path().join("x.xlsx").exists());
}

#[test]
fn pk_dua_angka_bertukar_di_baris_bawahan() {
    // Fasilitasi Kunjungan Tamu 195,785,000 typed 195,758,000: the kasubag umum's six sub
    // kegiatan then add up to 444.955.374, not the sekretaris's 444.982.374 (which its own
    // program row confirms: 2.877.638.950 − the other seven kegiatan). Of the six, only
    // 195.758.000 + 27.000 = 195.785.000 is the same digits with two neighbours swapped.
    let (_dir, salinan) = salin_dengan(MANGKUTANA, "195,785,000", "195,758,000");
    let json = periksa_json(&salinan, 1);
    let galat = temuan(&json, "galat");
    assert_eq!(galat.len(), 1, "{json:#}");
    assert_eq!(galat[0]["lokasi"]["lembar"], "Kasubag Umum");
    assert_eq!(galat[0]["lokasi"]["sel"], "D50");
    assert_eq!(galat[0]["seharusnya"], "195.785.000");
}

#[test]
fn pk_anggaran_bukan_angka_dilaporkan_di_selnya() {
    // The camat's Program Penyelenggaraan Urusan Pemerintahan Umum written in words: one
    // galat at that cell; the sums it is in are not checked, so nothing else is reported.
    let (_dir, salinan) = salin_dengan(
        MANGKUTANA,
        "Rp.       31.307.750.-",
        "Rp. tiga puluh satu juta",
    );
    let json = periksa_json(&salinan, 1);
    let galat = temuan(&json, "galat");
    assert_eq!(galat.len(), 1, "{json:#}");
    assert_eq!(galat[0]["kode"], "PK_ANGGARAN_BUKAN_ANGKA");
    assert_eq!(galat[0]["lokasi"]["sel"], "C35");
    assert!(
        galat[0]["pesan"]
            .as_str()
            .unwrap()
            .contains("tiga puluh satu juta")
    );
}

/// Whitespace folded: the seed's tabs and line breaks inside a cell are spaces.
fn rapat(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Each sample workbook says what its `sumber-pk.tsv` says (every amount read back, in
/// order), and, when `../shared` is beside the repository, every text of the TSV taken from
/// a seed is in that seed.
#[test]
fn sampel_pk_sama_dengan_tsv_dan_seed() {
    for (folder, seed) in [
        ("mangkutana-2024", "seeds/004_132149d095a947b3.txt"),
        ("bontang-barat-2023", "seeds/000_656ad0c974ff8b44.txt"),
        ("bontang-barat-2022", "seeds/001_0e940c02cda03439.txt"),
    ] {
        let tsv =
            std::fs::read_to_string(akar(&format!("samples/{folder}/sumber-pk.tsv"))).unwrap();
        let baris: Vec<Vec<&str>> = tsv
            .lines()
            .skip(1)
            .map(|l| l.split('\t').collect())
            .collect();
        let mut lembar: Vec<&str> = Vec::new();
        for b in &baris {
            if !lembar.contains(&b[0]) {
                lembar.push(b[0]);
            }
        }
        let dari_tsv: Vec<Decimal> = baris
            .iter()
            .filter(|b| matches!(b[1], "program" | "jumlah"))
            .map(|b| {
                lkjip::angka::baca_teks(b[5], lkjip::angka::JenisAngka::Rupiah)
                    .unwrap()
                    .unwrap()
                    .nilai
            })
            .collect();
        let mut dari_xlsx = Vec::new();
        for l in &lembar {
            let pk = baca_pk(&format!("samples/{folder}/pk.xlsx"), l);
            dari_xlsx.extend(
                pk.program
                    .iter()
                    .map(|p| p.anggaran.as_ref().unwrap().nilai()),
            );
            dari_xlsx.extend(pk.jumlah.as_ref().map(|j| j.nilai.nilai()));
        }
        assert_eq!(dari_xlsx, dari_tsv, "{folder}");
        let Some(seed) = crate::bantu::shared_bila_ada(seed) else {
            continue;
        };
        let teks = rapat(&std::fs::read_to_string(seed).unwrap());
        for b in &baris {
            let bidang: Vec<&str> = match (folder, b[1]) {
                // The programs of 2022 come from Tabel 19 through sumber-tabel19.tsv.
                ("bontang-barat-2022", "program" | "jumlah" | "kepala_program") => continue,
                // Formula cells of seed 000 were HTML/LaTeX: checked without them.
                ("bontang-barat-2023", "sasaran") => b[2..5].to_vec(),
                (_, "sasaran") => b[2..7].iter().flat_map(|f| f.split(" | ")).collect(),
                _ => b[2..7].to_vec(),
            };
            for f in bidang.into_iter().filter(|f| !f.is_empty()) {
                let f = if b[1] == "judul_lampiran" && folder == "bontang-barat-2022" {
                    f.to_lowercase()
                } else {
                    f.to_string()
                };
                let t = if f.starts_with("lampiran") {
                    teks.to_lowercase()
                } else {
                    teks.clone()
                };
                assert!(t.contains(&rapat(&f)), "{folder}: '{f}' tidak ada di seed");
            }
        }
    }
}

/// A statement page on one sheet and the lampiran on the next, as some offices keep them:
/// the lampiran takes its pihak from the page before it, and the sums across PK still work.
/// Amounts from seed 004 (the kasi pelayanan umum's one kegiatan under the camat's program).
#[test]
fn pernyataan_dan_lampiran_di_lembar_berbeda() {
    use rust_xlsxwriter::Workbook;
    let dir = tempfile::tempdir().unwrap();
    let berkas = dir.path().join("pk-dua-lembar.xlsx");
    let mut wb = Workbook::new();
    let s = wb.add_worksheet().set_name("Pernyataan").unwrap();
    s.write(0, 0, "PERUBAHAN PERJANJIAN KINERJA TAHUN 2024")
        .unwrap();
    s.write(2, 1, "Nama").unwrap();
    s.write(2, 2, ": (nama)").unwrap();
    s.write(3, 1, "Jabatan").unwrap();
    s.write(3, 2, ": KEPALA SEKSI PELAYANAN UMUM").unwrap();
    s.write(4, 1, "selanjutnya disebut Pihak Pertama").unwrap();
    s.write(5, 1, "Nama").unwrap();
    s.write(5, 2, ": (nama)").unwrap();
    s.write(6, 1, "Jabatan").unwrap();
    s.write(6, 2, ": CAMAT MANGKUTANA").unwrap();
    s.write(
        7,
        1,
        "selaku atasan Pihak Pertama, selanjutnya disebut Pihak Kedua",
    )
    .unwrap();
    let l = wb.add_worksheet().set_name("Lampiran").unwrap();
    l.write(0, 0, "PERUBAHAN PERJANJIAN KINERJA TAHUN 2024")
        .unwrap();
    for (c, t) in ["No.", "Kegiatan", "Anggaran", "Keterangan"]
        .iter()
        .enumerate()
    {
        l.write(2, c as u16, *t).unwrap();
    }
    l.write(3, 0, "1.").unwrap();
    l.write(
        3,
        1,
        "Pelaksanaan Urusan Pemerintahan yang terkait dengan pelayanan perizinan non usaha",
    )
    .unwrap();
    l.write(3, 2, "Rp 6,611,550").unwrap();
    l.write(3, 3, "APBD").unwrap();
    let c = wb.add_worksheet().set_name("Camat").unwrap();
    c.write(0, 0, "PERUBAHAN PERJANJIAN KINERJA TAHUN 2024")
        .unwrap();
    c.write(2, 1, "Jabatan").unwrap();
    c.write(2, 2, ": CAMAT MANGKUTANA").unwrap();
    for (k, t) in ["No", "Program", "Anggaran"].iter().enumerate() {
        c.write(4, k as u16, *t).unwrap();
    }
    c.write(5, 0, "1").unwrap();
    c.write(
        5,
        1,
        "Program Penyelenggaraan Pemerintahan dan pelayanan Publik",
    )
    .unwrap();
    c.write(5, 2, "Rp.         6.611.550,-").unwrap();
    wb.save(&berkas).unwrap();

    let bacaan = lkjip::recognise::baca_berkas(&berkas, None, None).unwrap();
    assert_eq!(bacaan.pk.len(), 2);
    let (lampiran, temuan) = &bacaan.pk[0];
    assert_eq!(lampiran.lembar, "Lampiran");
    assert_eq!(
        lampiran.pihak_kedua.as_ref().unwrap().jabatan.isi,
        "CAMAT MANGKUTANA"
    );
    assert!(temuan.iter().any(|t| t.kode == "PK_PERNYATAAN_LEMBAR_LAIN"));
    assert!(bacaan.dilewati.iter().any(|d| d.lembar == "Pernyataan"));
    let json = periksa_json(&berkas, 0);
    let cocok = json["temuan"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["kode"] == "PK_LINTAS_COCOK")
        .count();
    assert_eq!(cocok, 1, "{json:#}");
}

#[test]
fn lembar_pk_dipilih_dan_lembar_yang_tidak_ada_disebut() {
    let json = lkjip()
        .args([
            "periksa", MANGKUTANA, "--lembar", "Camat", "--format", "json",
        ])
        .current_dir(akar(""))
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let json: Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(json["ringkasan"]["dipakai"].as_array().unwrap().len(), 1);
    let hasil = lkjip()
        .args(["periksa", MANGKUTANA, "--lembar", "Lurah"])
        .current_dir(akar(""))
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
    assert!(
        stderr.contains("Lembar yang ada: Camat, Sekretaris Camat"),
        "{stderr}"
    );
}
