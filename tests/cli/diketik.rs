//! Audit of typed tables: `tests/data/lkjip-2022-diketik.xlsx` holds seed 001's Tabel 11–19
//! as published (`tests/data/buat_diketik.py`, from the fixture `tests/data/seed-001.txt`
//! and, for Tabel 16, `samples/bontang-barat-2022/sumber-tabel16.tsv`). Every number in them that does not follow from the others is
//! reported at its cell, with what it should be, and nothing else is a galat.

use crate::bantu::{akar, lkjip, salin_dengan_di};
use serde_json::Value;

fn galat(masukan: &[&str]) -> Vec<(String, String, String)> {
    let keluaran = lkjip()
        .arg("periksa")
        .args(masukan)
        .args(["--format", "json"])
        .current_dir(akar(""))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let json: Value = serde_json::from_slice(&keluaran).unwrap();
    json["temuan"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["tingkat"] == "galat")
        .map(|t| {
            (
                format!(
                    "{}!{}",
                    t["lokasi"]["lembar"].as_str().unwrap(),
                    t["lokasi"]["sel"].as_str().unwrap()
                ),
                t["kode"].as_str().unwrap().to_string(),
                t["seharusnya"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn f(sel: &str, kode: &str, seharusnya: &str) -> (String, String, String) {
    (sel.to_string(), kode.to_string(), seharusnya.to_string())
}

#[test]
fn tabel_seed_001_yang_diketik_diperiksa_sel_demi_sel() {
    let hasil = galat(&["tests/data/lkjip-2022-diketik.xlsx"]);
    assert_eq!(
        hasil,
        [
            // Tabel 13, SKM: (86,28 − 86,91) ÷ 86,91 × 100 = −0,7249 → −0,72, not −1,73 %.
            f("Capaian!G10", "TABEL_PERSEN_SALAH", "-0,72"),
            // Tabel 13, Pokmas: realisasi 2021 is n/a, so no change can be computed; the
            // seed writes 100 %.
            f("Capaian!G11", "TABEL_TIDAK_TERHITUNG", "n/a"),
            // Tabel 15: every realisasi anggaran repeats its anggaran, while the serapan
            // beside it is not 100 % (and the efisiensi agrees with that serapan:
            // 99,17 − 95,40 = 3,77; 100 − 96,85 = 3,15; 100 − 95,11 = 4,89). Without the
            // realisasi workbook the realisasi is estimated from the stated serapan:
            // 95,40 % × 3.809.732.516 = 3.634.484.820,26; 96,85 % × 9.039.891.821 =
            // 8.755.135.228,64; 96,51 % × 17.050.664.373 = 16.455.596.186,38;
            // 95,11 % × 277.364.885 = 263.801.742,12.
            f("Tabel 15!I3", "TABEL_REALISASI_TERSALIN", "≈ 3.634.484.820"),
            f("Tabel 15!I4", "TABEL_REALISASI_TERSALIN", "≈ 8.755.135.229"),
            f(
                "Tabel 15!I5",
                "TABEL_REALISASI_TERSALIN",
                "≈ 16.455.596.186"
            ),
            f("Tabel 15!I6", "TABEL_REALISASI_TERSALIN", "≈ 263.801.742"),
            // Tabel 17, the kecamatan's unit row (the whole organisation): its realisasi
            // 29.109.888.488 where all its units' programs add up to 29.109.889.488, the
            // JUMLAH of Tabel 19 (and of Tabel 16, 18 and BAB IV).
            f("Tabel 17!I4", "TABEL_JUMLAH_UNIT", "29.109.889.488"),
            // Tabel 17, sub kegiatan Koordinasi dan Penyusunan Laporan Capaian Kinerja …:
            // realisasi typed 1.698.100, its anggaran; Tabel 19 (7.01.01.2.01.06) has
            // 1.689.246 (99,48 %), and its kegiatan's 3.387.346 in both tables is
            // 1.698.100 + 1.689.246.
            f("Tabel 17!I8", "TABEL_TIDAK_SAMA", "1.689.246"),
            // Kelurahan Kanaan: 798.778.426 + 949.138.762 + 24.000.000 + 15.000.000 =
            // 1.786.917.188 (the seed's 1.771.917.188 leaves out Program Penyelenggaraan
            // Urusan Pemerintahan Umum), and 783.211.912 + 889.001.010 + 24.000.000 +
            // 13.317.780 = 1.709.530.702.
            f("Tabel 17!F30", "TABEL_JUMLAH_UNIT", "1.786.917.188"),
            f("Tabel 17!I30", "TABEL_JUMLAH_UNIT", "1.709.530.702"),
        ]
    );
}

#[test]
fn tabel_19_dan_18_yang_diketik_tanpa_galat() {
    // Seed 001's Tabel 19 adds up and Tabel 18 agrees with its JUMLAH (30.177.653.595,00 and
    // 29.109.889.488,00; sisa 1.067.764.107,00): no galat. The PDF cut some sub kegiatan
    // codes short (`7.01.01.2.08.0`), which is said, as peringatan only.
    let keluaran = lkjip()
        .args([
            "periksa",
            "tests/data/lkjip-2022-diketik.xlsx",
            "--format",
            "json",
        ])
        .current_dir(akar(""))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let json: Value = serde_json::from_slice(&keluaran).unwrap();
    let temuan = json["temuan"].as_array().unwrap();
    let di = |lembar: &str| -> Vec<&Value> {
        temuan
            .iter()
            .filter(|t| t["lokasi"]["lembar"] == lembar)
            .collect()
    };
    assert!(di("Tabel 18").is_empty());
    assert!(
        !di("Tabel 19").is_empty(),
        "kode yang terpotong tidak disebut"
    );
    assert!(di("Tabel 19").iter().all(|t| t["tingkat"] == "peringatan"
        && matches!(
            t["kode"].as_str(),
            Some("KODE_TIDAK_LENGKAP" | "KODE_GANDA")
        )));
}

#[test]
fn tabel_15_diketik_dibandingkan_dengan_realisasi_lewat_peta_anggaran() {
    // With the sample's realisasi and kinerja workbooks, the realisasi is exact: the sum of
    // Tabel 19's programs of each sasaran (seed 001 Tabel 7 map), e.g. sasaran 1:
    // 833.456.234 + 783.211.912 + 534.674.864 + 1.483.062.096 = 3.634.405.106; sasaran 2:
    // 569.199.048 + 889.001.010 + 2.603.541.408 + 4.693.614.093 = 8.755.355.559; sasaran 3:
    // 16.456.327.151; sasaran 4: 20.794.850 + 24.000.000 + 24.000.000 + 67.156.800 +
    // 94.618.992 + 13.317.780 + 19.913.250 + 0 = 263.801.672. The anggaran agree with
    // Tabel 8, so they are no finding.
    let hasil: Vec<_> = galat(&[
        "samples/bontang-barat-2022",
        "tests/data/lkjip-2022-diketik.xlsx",
    ])
    .into_iter()
    .filter(|(sel, _, _)| sel.starts_with("Tabel 15!"))
    .collect();
    assert_eq!(
        hasil,
        [
            f("Tabel 15!I3", "TABEL_REALISASI_TERSALIN", "3.634.405.106"),
            f("Tabel 15!I4", "TABEL_REALISASI_TERSALIN", "8.755.355.559"),
            f("Tabel 15!I5", "TABEL_REALISASI_TERSALIN", "16.456.327.151"),
            f("Tabel 15!I6", "TABEL_REALISASI_TERSALIN", "263.801.672"),
        ]
    );
}

#[test]
fn salah_ketik_di_tabel_11_dilaporkan_dan_tabel_lain_ikut_diperiksa() {
    use rust_xlsxwriter::Workbook;
    // Tabel 11 with SKM's capaian typed 91,17 instead of 99,17, and Tabel 15 with its
    // realisasi 86,28 typed 86,82: the first is wrong in its row (86,28 ÷ 87 × 100 = 99,17),
    // the second disagrees with Tabel 11.
    let dir = tempfile::tempdir().unwrap();
    let berkas = dir.path().join("t.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Tabel 11 Capaian Kinerja Tahun 2022")
        .unwrap();
    for (c, t) in [
        "No",
        "Sasaran Strategis",
        "Indikator Kinerja",
        "Satuan",
        "Target",
        "Realisasi",
        "% Capaian",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(1, c as u16, *t).unwrap();
    }
    ws.write_number(2, 0, 1.0).unwrap();
    ws.write_string(2, 1, "Meningkatnya kualitas pelayanan")
        .unwrap();
    ws.write_string(2, 2, "Nilai Survey Kepuasan Masyarakat")
        .unwrap();
    ws.write_string(2, 3, "Nilai").unwrap();
    ws.write_number(2, 4, 87.0).unwrap();
    ws.write_number(2, 5, 86.28).unwrap();
    ws.write_string(2, 6, "91,17%").unwrap();
    ws.write_string(5, 0, "Tabel 15 Efisiensi Penggunaan Sumber Daya")
        .unwrap();
    for (c, t) in [
        "No",
        "Sasaran Strategis",
        "Indikator Kinerja",
        "Satuan",
        "Target",
        "Realisasi",
        "Prosentase",
        "Anggaran",
        "Realisasi",
        "Prosentase",
        "Tingkat Efisiensi (%)",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(6, c as u16, *t).unwrap();
    }
    let baris: [&str; 11] = [
        "1",
        "Meningkatnya kualitas pelayanan",
        "Nilai SKM (Survey Kepuasan Masyarakat)",
        "Nilai",
        "87",
        "86,82",
        "99,79",
        "3.809.732.516",
        "3.634.405.106",
        "95,40",
        "4,39",
    ];
    for (c, t) in baris.iter().enumerate() {
        ws.write_string(7, c as u16, *t).unwrap();
    }
    // Tabel 12: SKM's triwulan IV realisasi typed 86,00 (Tabel 11: 86,28) and its %
    // 98,58 where 86,00 ÷ 87 × 100 = 98,85.
    ws.write_string(10, 0, "Tabel 12 Pengukuran Kinerja Organisasi per Triwulan")
        .unwrap();
    for (c, t) in [
        "No.",
        "Sasaran Strategis",
        "Indikator Kinerja",
        "Sat",
        "Target Tahunan",
        "Triwulan",
        "Target",
        "Realisasi",
        "%",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(11, c as u16, *t).unwrap();
    }
    for (c, t) in [
        "1",
        "Meningkatnya kualitas pelayanan",
        "Nilai Survey Kepuasan Masyarakat",
        "Nilai",
        "87,00",
        "Triwulan I",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(12, c as u16, *t).unwrap();
    }
    for (c, t) in [(5, "Triwulan IV"), (6, "87,00"), (7, "86,00"), (8, "98,58")] {
        ws.write_string(13, c, t).unwrap();
    }
    // Tabel 18: sisa lebih typed 1.067.764.017 where 30.177.653.595 − 29.109.889.488 =
    // 1.067.764.107 (two digits swapped).
    ws.write_string(15, 0, "Tabel 18 Realisasi anggaran Tahun 2022")
        .unwrap();
    for (c, t) in ["NO", "Uraian", "Anggaran (Rp)", "Realisasi (Rp)"]
        .iter()
        .enumerate()
    {
        ws.write_string(16, c as u16, *t).unwrap();
    }
    for (c, t) in [
        (1, "Jumlah"),
        (2, "Rp 30.177.653.595,00"),
        (3, "Rp 29.109.889.488,00"),
    ] {
        ws.write_string(17, c, t).unwrap();
    }
    for (c, t) in [(1, "Sisa Lebih"), (3, "Rp 1.067.764.017,00")] {
        ws.write_string(18, c, t).unwrap();
    }
    wb.save(&berkas).unwrap();
    let hasil = galat(&[berkas.to_str().unwrap()]);
    assert_eq!(
        hasil,
        [
            // 86,28 ÷ 87 × 100 = 99,1724.
            f("Sheet1!G3", "TABEL_PERSEN_SALAH", "99,17"),
            // Tabel 15's own row is consistent (86,82 ÷ 87 = 99,79; 99,79 − 95,40 = 4,39),
            // but its realisasi is not Tabel 11's.
            f("Sheet1!F8", "TABEL_TIDAK_SAMA", "86,28"),
            f("Sheet1!H14", "TABEL_TIDAK_SAMA", "86,28"),
            f("Sheet1!I14", "TABEL_PERSEN_SALAH", "98,85"),
            f("Sheet1!D19", "TABEL_SISA_SALAH", "1.067.764.107,00"),
        ]
    );
}

#[test]
fn jenis_memaksa_pembaca() {
    // `--jenis tabel`: the Tabel 19 sheet is not read as realisasi, and says why.
    let hasil = lkjip()
        .args([
            "periksa",
            "tests/data/lkjip-2022-diketik.xlsx",
            "--jenis",
            "tabel",
        ])
        .current_dir(akar(""))
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
    assert!(
        stderr.contains("Tabel 19: tidak ada judul Tabel 11–15 atau 18"),
        "{stderr}"
    );
    // `--jenis realisasi` on the kinerja workbook: no sheet is a realisasi table.
    let hasil = lkjip()
        .args([
            "periksa",
            "samples/bontang-barat-2022/kinerja.xlsx",
            "--jenis",
            "realisasi",
        ])
        .current_dir(akar(""))
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
    assert!(
        stderr.contains("tidak ada lembar yang dikenali"),
        "{stderr}"
    );
}

/// Polarity from the kinerja workbook: an indikator where lower is better (turun) has
/// capaian (2 × target − realisasi) ÷ target × 100 = (2 × 10 − 8) ÷ 10 × 100 = 120, not
/// 8 ÷ 10 × 100 = 80.
#[test]
fn polaritas_dari_buku_kerja_kinerja() {
    use crate::templat::{IsiUji, isi_formulir};
    use rust_xlsxwriter::Workbook;
    let dir = tempfile::tempdir().unwrap();
    let templat = dir.path().join("kinerja.xlsx");
    lkjip()
        .args(["templat", "kinerja", "-o"])
        .arg(&templat)
        .assert()
        .success();
    let nama = "Persentase laporan gangguan yang berulang";
    let kinerja = isi_formulir(
        &templat,
        &[(
            "IKU",
            1,
            vec![
                IsiUji::Teks("1"),
                IsiUji::Teks("Sasaran"),
                IsiUji::Teks(nama),
                IsiUji::Teks("%"),
                IsiUji::Teks("turun"),
            ],
        )],
    );
    let tabel = dir.path().join("tabel.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Tabel 11 Capaian Kinerja Tahun 2022")
        .unwrap();
    for (c, t) in [
        "No",
        "Sasaran Strategis",
        "Indikator Kinerja",
        "Satuan",
        "Target",
        "Realisasi",
        "% Capaian",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(1, c as u16, *t).unwrap();
    }
    for (c, t) in ["1", "Sasaran", nama, "%", "10", "8", "80"]
        .iter()
        .enumerate()
    {
        ws.write_string(2, c as u16, *t).unwrap();
    }
    wb.save(&tabel).unwrap();
    // Alone: naik, and 80 follows.
    lkjip().arg("periksa").arg(&tabel).assert().code(0);
    // With the kinerja workbook: turun, so 80 is wrong and 120 is right.
    let hasil = galat(&[tabel.to_str().unwrap(), kinerja.to_str().unwrap()]);
    assert_eq!(hasil, [f("Sheet1!G3", "TABEL_PERSEN_SALAH", "120,00")]);
}

/// Tabel 17's program rows against the realisasi workbook: the kecamatan's Program
/// Penunjang typed 17.050.664.737 where Tabel 19 has 17.050.664.373 (digits swapped). Its
/// unit row repeats the same figure, so Tabel 17 alone adds up; only Tabel 19 tells.
#[test]
fn program_tabel_17_dibandingkan_dengan_tabel_19() {
    use rust_xlsxwriter::Workbook;
    let dir = tempfile::tempdir().unwrap();
    let berkas = dir.path().join("t17.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(
        0,
        0,
        "Tabel 17 pencapaian target kinerja berdasarkan program dan kegiatan",
    )
    .unwrap();
    let kepala = [
        "Program/Kegiatan",
        "Indikator Kinerja Program (outcome)/ Kegiatan (output)",
        "Indikator Kinerja Program (outcome)/ Kegiatan (output) PERMENDAGRI",
        "Target Kinerja",
        "",
        "",
        "Realisasi Kinerja",
        "",
        "",
        "Presentase Realisasi Kinerja",
        "Unit Perangkat Daerah Penanggung Jawab",
    ];
    for (c, t) in kepala.iter().enumerate().filter(|(_, t)| !t.is_empty()) {
        ws.write_string(1, c as u16, *t).unwrap();
    }
    let baris: [[&str; 11]; 2] = [
        [
            "KECAMATAN BONTANG BARAT",
            "",
            "",
            "",
            "",
            "17.050.664.737",
            "",
            "",
            "16.456.327.151",
            "",
            "",
        ],
        [
            "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
            "Persentase Pemenuhan Layanan Penunjang Urusan Pemerintahan Daerah",
            "",
            "100",
            "%",
            "17.050.664.737",
            "100",
            "%",
            "16.456.327.151",
            "100%",
            "Kec.Bontang Barat",
        ],
    ];
    for (r, b) in baris.iter().enumerate() {
        for (c, t) in b.iter().enumerate().filter(|(_, t)| !t.is_empty()) {
            ws.write_string(2 + r as u32, c as u16, *t).unwrap();
        }
    }
    wb.save(&berkas).unwrap();
    let hasil = galat(&[
        berkas.to_str().unwrap(),
        "samples/bontang-barat-2022/realisasi.xlsx",
    ]);
    assert_eq!(
        hasil,
        [f("Sheet1!F4", "TABEL_TIDAK_SAMA", "17.050.664.373")]
    );
}

#[test]
fn tabel_16_yang_diketik_dibandingkan_dengan_tabel_19() {
    // Seed 001's Tabel 16 agrees with its Tabel 19 row by row (the list above has no Tabel 16
    // finding). Typed with the realisasi of sub kegiatan Koordinasi dan Penyusunan Laporan
    // Capaian Kinerja … as 1.698.100,00 (its pagu, as Tabel 17 does), Tabel 16 disagrees with
    // Tabel 19's 1.689.246,00 (7.01.01.2.01.06) at that cell.
    // The sixth sheet is Tabel 16 (the value is also in Tabel 19, the eighth).
    let (_dir, salinan) = salin_dengan_di(
        "tests/data/lkjip-2022-diketik.xlsx",
        Some("xl/worksheets/sheet6.xml"),
        "1.689.246,00",
        "1.698.100,00",
    );
    let hasil = galat(&[salinan.to_str().unwrap()]);
    let banding: Vec<&(String, String, String)> =
        hasil.iter().filter(|g| g.1 == "TABEL16_BEDA_19").collect();
    assert_eq!(banding.len(), 1, "{hasil:#?}");
    assert!(banding[0].0.starts_with("Tabel 16!C"), "{hasil:#?}");
    assert_eq!(banding[0].2, "1.689.246,00");
}

#[test]
fn tabel_11_dibandingkan_dengan_pk_dan_data_kinerja() {
    // With the sample's PK and kinerja workbook (both from seed 001 too), Tabel 11 agrees
    // with them: the same ten galat, none of them TABEL_BEDA_PK or TABEL_BEDA_KINERJA.
    let sampel = "samples/bontang-barat-2022";
    let pk = format!("{sampel}/pk.xlsx");
    let kinerja = format!("{sampel}/kinerja.xlsx");
    let hasil = galat(&["tests/data/lkjip-2022-diketik.xlsx", &pk, &kinerja]);
    assert_eq!(hasil.len(), 10, "{hasil:#?}");
    assert!(
        !hasil.iter().any(|g| g.1.starts_with("TABEL_BEDA")),
        "{hasil:#?}"
    );
    // A PK signed with SKM's target 87,4 instead of 87,0: Tabel 11's 87,00 (Capaian!E3) no
    // longer is the PK's. A target is copied, not computed, so it is compared exactly (87
    // would pass at its own precision).
    let (_dir, pk_lain) = crate::bantu::salin_dengan(&pk, "87,0", "87,4");
    let hasil = galat(&[
        "tests/data/lkjip-2022-diketik.xlsx",
        pk_lain.to_str().unwrap(),
        &kinerja,
    ]);
    let beda: Vec<_> = hasil.iter().filter(|g| g.1 == "TABEL_BEDA_PK").collect();
    assert_eq!(beda.len(), 1, "{hasil:#?}");
    assert_eq!(beda[0].0, "Capaian!E3", "{hasil:#?}");
    assert_eq!(beda[0].2, "87,4");
}
