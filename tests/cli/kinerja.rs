//! Kinerja: `susun samples/bontang-barat-2022` writes Tabel 11–19, Temuan and Grafik, and
//! the kinerja tables show seed 001's values where they follow from its data
//! (`tests/data/seed-001.txt`, sections [tabel11]…[tabel15]); where the published table does
//! not follow from its own numbers, the recomputed value is expected and the comment says why.

use crate::bantu::{akar, angka, fikstur, indo, lembar, lkjip, susun_sementara, teks};
use crate::templat::{IsiUji, isi_formulir};
use calamine::Data;
use rust_decimal::Decimal;

/// Column `c` (0-based) of every row of a seed table in the fixture.
pub fn kolom_seed(bagian: &str, c: usize) -> Vec<String> {
    fikstur(bagian)
        .iter()
        .map(|l| l.split('\t').nth(c).unwrap_or("").to_string())
        .collect()
}

/// A written cell as a comparable text: a number to two decimals without trailing zeros
/// (`99,17`, `95,4`, `87`), else the text.
pub fn nilai(d: &Data) -> String {
    match angka(d) {
        Some(x) => x.round_dp(2).normalize().to_string().replace('.', ","),
        None => teks(d),
    }
}

/// A seed figure in the same form: `95,40` → `95,4`, `99,17%` → `99,17`, `87,00` → `87`;
/// words (`n/a`, `-`) as written.
pub fn seed(s: &str) -> String {
    let inti = s.trim().trim_end_matches('%');
    match inti.replace('.', "").replace(',', ".").parse::<Decimal>() {
        Ok(x) if !inti.is_empty() => x.normalize().to_string().replace('.', ","),
        _ => s.trim().to_string(),
    }
}

/// The body rows of a kinerja table: those from `awal` (0-based) on.
pub fn badan(berkas: &std::path::Path, nama: &str, awal: usize) -> Vec<Vec<Data>> {
    lembar(berkas, nama).into_iter().skip(awal).collect()
}

#[test]
fn sampel_bontang_barat_2022_menulis_tabel_11_sampai_19_temuan_dan_grafik() {
    let (_dir, keluaran) = susun_sementara("samples/bontang-barat-2022");
    let wb: calamine::Xlsx<_> = calamine::open_workbook(&keluaran).unwrap();
    let nama = calamine::Reader::sheet_names(&wb);
    let harapan: Vec<String> = (11..=19)
        .map(|n| format!("Tabel {n}"))
        .chain(["Temuan".to_string(), "Grafik".to_string()])
        .collect();
    assert_eq!(nama, harapan);

    // Tabel 11: target (the PK's: 87,00, not the Renstra's 87,1), realisasi and % capaian
    // as seed 001 prints them. Zona Integritas was not measured: the seed writes `-`, lkjip
    // writes n/a (not computable, never 0).
    let t11 = badan(&keluaran, "Tabel 11", 3);
    let seed_capaian = kolom_seed("tabel11", 6);
    assert_eq!(seed_capaian[0], "99,17%");
    let seed_capaian: Vec<String> = seed_capaian.iter().map(|s| seed(s)).collect();
    assert_eq!(nilai(&t11[0][4]), "87");
    assert_eq!(nilai(&t11[0][5]), "86,28");
    assert_eq!(nilai(&t11[0][6]), "99,17");
    assert_eq!(nilai(&t11[1][6]), seed_capaian[1]);
    assert_eq!(nilai(&t11[3][6]), seed_capaian[3]);
    assert_eq!(seed_capaian[2], "-");
    assert_eq!(nilai(&t11[2][5]), "n/a");
    assert_eq!(nilai(&t11[2][6]), "n/a");

    // Tabel 12: sixteen rows, the seed's Target / Realisasi / % of each triwulan.
    let t12 = badan(&keluaran, "Tabel 12", 3);
    let seed12 = fikstur("tabel12");
    assert_eq!(t12.len(), 16);
    for (i, l) in seed12.iter().enumerate() {
        let sel: Vec<&str> = l.split('\t').collect();
        assert_eq!(teks(&t12[i][5]), sel[5], "baris {i}");
        for (c, d) in t12[i].iter().enumerate().take(9).skip(6) {
            let s = seed(sel.get(c).copied().unwrap_or(""));
            assert_eq!(nilai(d), s, "Tabel 12 baris {i} kolom {c}");
        }
    }

    // Tabel 13: realisasi 2020–2022 as the seed; the change of SKM is (86,28 − 86,91) ÷
    // 86,91 × 100 = −0,72 (the seed prints −1,73 %, which does not follow: its own text
    // says 0,63 poin, and 0,63 ÷ 86,91 is 0,72 %). Pokmas went from n/a to 100: the seed's
    // 100 % is not computable from n/a, so n/a.
    let t13 = badan(&keluaran, "Tabel 13", 3);
    for (i, l) in fikstur("tabel13").iter().enumerate() {
        let sel: Vec<&str> = l.split('\t').collect();
        for c in 3..6 {
            assert_eq!(
                nilai(&t13[i][c]),
                seed(sel[c]),
                "Tabel 13 baris {i} kolom {c}"
            );
        }
    }
    assert_eq!(kolom_seed("tabel13", 6)[0], "-1,73%");
    assert_eq!(nilai(&t13[0][6]), "-0,72");
    assert_eq!(nilai(&t13[1][6]), "n/a");
    assert_eq!(nilai(&t13[2][6]), "n/a");
    assert_eq!(nilai(&t13[3][6]), "0");

    // Tabel 14: the seed's 98,72 = 86,28 ÷ 87,40 × 100, and 100, n/a, 100.
    let t14 = badan(&keluaran, "Tabel 14", 4);
    for (i, s) in kolom_seed("tabel14", 4).iter().enumerate() {
        assert_eq!(nilai(&t14[i][4]), seed(s), "Tabel 14 baris {i}");
    }

    // Tabel 15: anggaran per sasaran as seed 001 Tabel 8 and 15; serapan 95,40 / 96,85 /
    // 96,51 / 95,11 and efisiensi 3,77 / 3,15 / n/a / 4,89 as the seed. The seed's realisasi
    // column repeats the anggaran (copied from the wrong column): the realisasi here is the
    // sum of the programs' realisasi in Tabel 19, e.g. sasaran 1: 833.456.234 + 783.211.912
    // + 534.674.864 + 1.483.062.096 = 3.634.405.106, and 3.634.405.106 ÷ 3.809.732.516 =
    // 95,40 %, the seed's own serapan.
    let t15 = badan(&keluaran, "Tabel 15", 3);
    for (i, l) in fikstur("tabel15").iter().enumerate() {
        let sel: Vec<&str> = l.split('\t').collect();
        assert_eq!(angka(&t15[i][7]), Some(indo(sel[7])), "anggaran baris {i}");
        assert_eq!(nilai(&t15[i][9]), seed(sel[9]), "serapan baris {i}");
        assert_eq!(nilai(&t15[i][10]), seed(sel[10]), "efisiensi baris {i}");
        assert_eq!(nilai(&t15[i][6]), seed(sel[6]), "capaian baris {i}");
    }
    assert_eq!(angka(&t15[0][8]), Some(indo("3.634.405.106")));
    let jumlah: Decimal = (0..4).filter_map(|i| angka(&t15[i][7])).sum();
    assert_eq!(jumlah, indo("30.177.653.595"));

    // Tabel 17: every unit row carries Tabel 19's pagu and realisasi of that unit. (Seed
    // 001's own Tabel 17 shows Kelurahan Kanaan at 1.771.917.188, 15.000.000 short of its
    // programs: it left out Program Penyelenggaraan Urusan Pemerintahan Umum.)
    let t17 = lembar(&keluaran, "Tabel 17");
    for unit in [
        "KECAMATAN BONTANG BARAT",
        "KELURAHAN KANAAN",
        "KELURAHAN GUNUNG TELIHAN",
        "KELURAHAN BELIMBING",
    ] {
        let seed = fikstur("tabel19")
            .into_iter()
            .find(|l| l.split('\t').nth(1) == Some(unit))
            .unwrap();
        let seed: Vec<&str> = seed.split('\t').collect();
        let baris = t17
            .iter()
            .find(|r| teks(&r[0]) == unit)
            .unwrap_or_else(|| panic!("Tabel 17 tanpa baris {unit}"));
        assert_eq!(angka(&baris[5]), Some(indo(seed[2])), "{unit} anggaran");
        assert_eq!(angka(&baris[8]), Some(indo(seed[3])), "{unit} realisasi");
    }
    let kanaan = t17
        .iter()
        .find(|r| teks(&r[0]) == "KELURAHAN KANAAN")
        .unwrap();
    assert_eq!(angka(&kanaan[5]), Some(indo("1.786.917.188")));
}

#[test]
fn pilihan_tabel_melewati_yang_masukannya_tidak_ada() {
    // The realisasi file alone: Tabel 11 needs the kinerja workbook, and says so.
    let dir = tempfile::tempdir().unwrap();
    let keluaran = dir.path().join("t.xlsx");
    let hasil = lkjip()
        .args(["susun", "samples/bontang-barat-2022/realisasi.xlsx", "-o"])
        .arg(&keluaran)
        .args(["--tabel", "11,19"])
        .current_dir(akar(""))
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
    assert!(
        stderr.contains("Tabel 11: perlu buku kerja kinerja"),
        "{stderr}"
    );
    let wb: calamine::Xlsx<_> = calamine::open_workbook(&keluaran).unwrap();
    assert_eq!(
        calamine::Reader::sheet_names(&wb),
        ["Tabel 19", "Temuan", "Grafik"]
    );
}

#[test]
fn kriteria_ditambahkan_bila_diminta() {
    let dir = tempfile::tempdir().unwrap();
    let keluaran = dir.path().join("t.xlsx");
    lkjip()
        .args(["susun", "samples/bontang-barat-2022", "-o"])
        .arg(&keluaran)
        .args(["--tabel", "11", "--kriteria", "permendagri"])
        .current_dir(akar(""))
        .assert()
        .success();
    let t11 = badan(&keluaran, "Tabel 11", 2);
    assert_eq!(teks(&t11[0][7]), "Kriteria");
    // 99,17 ≥ 91: Sangat Tinggi (Permendagri 86/2017); n/a has no kriteria.
    assert_eq!(teks(&t11[1][7]), "Sangat Tinggi");
    assert_eq!(teks(&t11[3][7]), "-");
}

/// The blank kinerja form, filled as a planner would with seed 001's SKM (Tabel 4, 5, 12,
/// 13, 14), is read as it is, and `susun` makes Tabel 11–14 from it alone; the tables that
/// need a realisasi workbook are named as skipped.
#[test]
fn templat_kinerja_diisi_lalu_disusun() {
    use IsiUji::{Angka, Kosong, Teks};
    let dir = tempfile::tempdir().unwrap();
    let templat = dir.path().join("kinerja.xlsx");
    lkjip()
        .args(["templat", "kinerja", "--tahun", "2022", "-o"])
        .arg(&templat)
        .assert()
        .success();
    let skm = "Nilai Survey Kepuasan Masyarakat (SKM)";
    let isian = vec![
        (
            "IKU",
            1,
            vec![
                Teks("1"),
                Teks("Meningkatnya kualitas pelayanan masyarakat Kecamatan Bontang Barat"),
                Teks(skm),
                Teks("Nilai"),
                Teks("naik"),
                Teks("tidak"),
                Kosong,
                Kosong,
                Teks("Camat Bontang Barat"),
                Angka(86.91),
                Angka(87.4),
            ],
        ),
        (
            "Tahunan",
            1,
            vec![Teks(skm), Angka(2020.0), Kosong, Angka(84.56)],
        ),
        (
            "Tahunan",
            2,
            vec![Teks(skm), Angka(2021.0), Angka(87.0), Angka(86.91)],
        ),
        (
            "Tahunan",
            3,
            vec![Teks(skm), Angka(2022.0), Teks("87,1"), Teks("86,28")],
        ),
        (
            "Triwulan",
            1,
            vec![Teks(skm), Angka(4.0), Angka(87.1), Angka(86.28)],
        ),
    ];
    let terisi = isi_formulir(&templat, &isian);
    let keluaran = dir.path().join("tabel.xlsx");
    let hasil = lkjip()
        .args(["susun"])
        .arg(&terisi)
        .arg("-o")
        .arg(&keluaran)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
    assert!(
        stderr.contains("Tabel 16: perlu buku kerja realisasi"),
        "{stderr}"
    );
    // No PK: the year's target is the Renstra's 87,1, so 86,28 ÷ 87,1 × 100 = 99,06.
    let t11 = badan(&keluaran, "Tabel 11", 3);
    assert_eq!(nilai(&t11[0][4]), "87,1");
    assert_eq!(nilai(&t11[0][6]), "99,06");
    // (86,28 − 86,91) ÷ 86,91 × 100 = −0,72; 86,28 ÷ 87,4 × 100 = 98,72.
    assert_eq!(nilai(&badan(&keluaran, "Tabel 13", 3)[0][6]), "-0,72");
    assert_eq!(nilai(&badan(&keluaran, "Tabel 14", 4)[0][4]), "98,72");
    assert_eq!(nilai(&badan(&keluaran, "Tabel 12", 3)[3][8]), "99,06");
}

#[test]
fn indikator_yang_tidak_dikenal_dilaporkan_di_selnya() {
    use IsiUji::{Angka, Teks};
    let dir = tempfile::tempdir().unwrap();
    let templat = dir.path().join("kinerja.xlsx");
    lkjip()
        .args(["templat", "kinerja", "-o"])
        .arg(&templat)
        .assert()
        .success();
    let isian = vec![
        (
            "IKU",
            1,
            vec![Teks("1"), Teks("Sasaran A"), Teks("Nilai Zona Integritas")],
        ),
        (
            "Tahunan",
            1,
            vec![
                Teks("Jumlah Dokumen Perencanaan"),
                Angka(2022.0),
                Angka(1.0),
                Angka(1.0),
            ],
        ),
        (
            "Triwulan",
            1,
            vec![
                Teks("Nilai Zona Integritas"),
                Angka(5.0),
                Angka(63.0),
                Teks("n/a"),
            ],
        ),
    ];
    let terisi = isi_formulir(&templat, &isian);
    let keluaran = lkjip()
        .arg("periksa")
        .arg(&terisi)
        .args(["--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&keluaran).unwrap();
    let galat: Vec<(String, String)> = json["temuan"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["tingkat"] == "galat")
        .map(|t| {
            (
                t["kode"].as_str().unwrap().to_string(),
                format!(
                    "{}!{}",
                    t["lokasi"]["lembar"].as_str().unwrap(),
                    t["lokasi"]["sel"].as_str().unwrap()
                ),
            )
        })
        .collect();
    assert_eq!(
        galat,
        [
            (
                "INDIKATOR_TIDAK_DIKENAL".to_string(),
                "Tahunan!A2".to_string()
            ),
            (
                "TRIWULAN_TIDAK_TERBACA".to_string(),
                "Triwulan!B2".to_string()
            ),
        ]
    );
}

#[test]
fn perubahan_poin_dan_efisiensi_rasio_bila_diminta() {
    let dir = tempfile::tempdir().unwrap();
    let keluaran = dir.path().join("t.xlsx");
    lkjip()
        .args(["susun", "samples/bontang-barat-2022", "-o"])
        .arg(&keluaran)
        .args([
            "--tabel",
            "13,15",
            "--perubahan",
            "poin",
            "--efisiensi",
            "rasio",
        ])
        .current_dir(akar(""))
        .assert()
        .success();
    // Seed 001's own text: SKM fell "sebesar 0,63 poin" (86,28 − 86,91).
    let t13 = badan(&keluaran, "Tabel 13", 2);
    assert_eq!(
        teks(&t13[0][6]),
        "Peningkatan / Penurunan tahun 2022 (poin)"
    );
    assert_eq!(nilai(&t13[1][6]), "-0,63");
    // 99,17 ÷ 95,40 × 100 = 103,95 (from the two percentages the table shows).
    let t15 = badan(&keluaran, "Tabel 15", 3);
    assert_eq!(nilai(&t15[0][10]), "103,95");
}

/// `100%` typed into a percent-formatted cell is stored as 1: read as written, and said.
#[test]
fn persen_excel_tersimpan_satu_diperingatkan() {
    use IsiUji::{Angka, Teks};
    let dir = tempfile::tempdir().unwrap();
    let templat = dir.path().join("kinerja.xlsx");
    lkjip()
        .args(["templat", "kinerja", "-o"])
        .arg(&templat)
        .assert()
        .success();
    let trantib = "Persentase Gangguan Ketentraman dan Ketertiban Umum yang ditindaklanjuti";
    let isian = vec![
        (
            "IKU",
            1,
            vec![Teks("1"), Teks("Sasaran"), Teks(trantib), Teks("%")],
        ),
        (
            "Tahunan",
            1,
            vec![Teks(trantib), Angka(2022.0), Angka(100.0), Angka(1.0)],
        ),
    ];
    let terisi = isi_formulir(&templat, &isian);
    let keluaran = lkjip()
        .arg("periksa")
        .arg(&terisi)
        .args(["--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&keluaran).unwrap();
    let peringatan: Vec<&str> = json["temuan"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["tingkat"] == "peringatan")
        .map(|t| t["kode"].as_str().unwrap())
        .collect();
    assert_eq!(peringatan, ["PERSEN_EXCEL"], "{json:#}");
}
