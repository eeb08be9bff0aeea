//! `periksa --keluaran`: the marked copy. The four errors injected into a copy of the sample
//! (`tests/data/realisasi-salah.json`, each with its original value) come back as red cells
//! with a note saying what they should be; the input file is not touched.

use crate::bantu::{akar, lkjip};
use std::io::Read;

fn entri(berkas: &std::path::Path, nama: &str) -> String {
    let mut arsip = zip::ZipArchive::new(std::fs::File::open(berkas).unwrap()).unwrap();
    let mut isi = String::new();
    arsip
        .by_name(nama)
        .unwrap_or_else(|_| panic!("{nama} tidak ada"))
        .read_to_string(&mut isi)
        .unwrap();
    isi
}

/// The fill colour (`FFC7CE`) of the cell at `sel` of sheet part `lembar`, through the
/// cell's style index, its `cellXfs` entry and its fill.
fn warna_sel(berkas: &std::path::Path, lembar: &str, sel: &str) -> Option<String> {
    let xml = entri(berkas, lembar);
    let i = xml.find(&format!("<c r=\"{sel}\""))?;
    let c = &xml[i..i + xml[i..].find('>')?];
    let s: usize = c.split(" s=\"").nth(1)?.split('"').next()?.parse().ok()?;
    let gaya = entri(berkas, "xl/styles.xml");
    let xfs = gaya.split("<cellXfs").nth(1)?.split("</cellXfs>").next()?;
    let xf = xfs.split("<xf ").nth(s + 1)?;
    let fill: usize = xf
        .split("fillId=\"")
        .nth(1)?
        .split('"')
        .next()?
        .parse()
        .ok()?;
    let fills = gaya.split("<fills").nth(1)?.split("</fills>").next()?;
    let f = fills.split("<fill>").nth(fill + 1)?;
    let rgb = f.split("rgb=\"").nth(1)?.split('"').next()?;
    Some(rgb.strip_prefix("FF").unwrap_or(rgb).to_string())
}

#[test]
fn salinan_bertanda_memuat_setiap_galat_di_selnya() {
    let masukan = akar("tests/data/realisasi-salah.xlsx");
    let sebelum = std::fs::read(&masukan).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let keluaran = dir.path().join("diperiksa.xlsx");
    let hasil = lkjip()
        .arg("periksa")
        .arg(&masukan)
        .arg("--keluaran")
        .arg(&keluaran)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
    assert!(stderr.contains("4 sel galat (merah)"), "{stderr}");
    assert_eq!(std::fs::read(&masukan).unwrap(), sebelum, "masukan berubah");

    let harapan: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(akar("tests/data/realisasi-salah.json")).unwrap(),
    )
    .unwrap();
    let catatan = entri(&keluaran, "xl/comments1.xml");
    for h in harapan.as_array().unwrap() {
        let sel = h["sel"].as_str().unwrap();
        assert_eq!(
            warna_sel(&keluaran, "xl/worksheets/sheet1.xml", sel).as_deref(),
            Some("FFC7CE"),
            "sel {sel} tidak merah"
        );
        // The note at that cell names what it should be: the value before the injection.
        let i = catatan
            .find(&format!("<comment ref=\"{sel}\""))
            .unwrap_or_else(|| panic!("tanpa catatan di {sel}"));
        let isi = &catatan[i..i + catatan[i..].find("</comment>").unwrap()];
        let asli = h["asli"].as_str().unwrap();
        let asli = asli.strip_suffix(",00").unwrap_or(asli);
        assert!(isi.contains(asli), "catatan {sel} tanpa {asli}: {isi}");
    }
    // A cell without a finding keeps no fill: the JUMLAH label.
    assert_eq!(warna_sel(&keluaran, "xl/worksheets/sheet1.xml", "B1"), None);
    // The Temuan sheet follows the copied sheets.
    let buku = entri(&keluaran, "xl/workbook.xml");
    assert!(
        buku.contains("name=\"LRA\"") && buku.contains("name=\"Temuan\""),
        "{buku}"
    );
}

#[test]
fn salinan_tidak_menimpa_masukan() {
    let dir = tempfile::tempdir().unwrap();
    let salinan = dir.path().join("a.xlsx");
    std::fs::copy(akar("tests/data/realisasi-salah.xlsx"), &salinan).unwrap();
    let sebelum = std::fs::read(&salinan).unwrap();
    lkjip()
        .arg("periksa")
        .arg(&salinan)
        .arg("-o")
        .arg(&salinan)
        .assert()
        .code(2);
    assert_eq!(std::fs::read(&salinan).unwrap(), sebelum);
}
