//! What an upload may cost and whose files it touches: avatars are keyed per owner, images
//! declaring a canvas past the pixel budget are refused from their header, and uploads are
//! limited per account.

use std::io::Cursor;
use std::time::Duration;

use app::throttle::{Limit, Limits};

use crate::both_backends;
use crate::testkit::{Backend, TestApp};

fn png(width: u32, height: u32) -> Vec<u8> {
    coloured(width, height, [200, 90, 20])
}

fn coloured(width: u32, height: u32, rgb: [u8; 3]) -> Vec<u8> {
    let img = image::RgbImage::from_pixel(width, height, image::Rgb(rgb));
    let mut out = Vec::new();
    img.write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

/// A small valid PNG whose header declares `width`×`height`: what a decompression bomb
/// looks like before anyone decodes it.
fn declaring(width: u32, height: u32) -> Vec<u8> {
    let mut file = png(1, 1);
    // Signature (8), IHDR length (4), "IHDR" (4), then width and height, then the CRC
    // over type and data (13 bytes) at offset 29.
    file[16..20].copy_from_slice(&width.to_be_bytes());
    file[20..24].copy_from_slice(&height.to_be_bytes());
    let crc = crc32fast::hash(&file[12..29]);
    file[29..33].copy_from_slice(&crc.to_be_bytes());
    file
}

async fn upload(app: &TestApp, bytes: Vec<u8>) -> reqwest::Response {
    crate::profile::upload(app, "me.png", bytes).await
}

async fn avatar_key(app: &TestApp, user: uuid::Uuid) -> Option<String> {
    store::users::find_by_id(&app.db, user)
        .await
        .unwrap()
        .unwrap()
        .avatar_key
}

async fn replacing_an_avatar_never_removes_another_accounts_file(backend: Backend) {
    let Some(ana) = TestApp::spawn(backend).await else {
        return;
    };
    let ben = ana.another_client();
    let ana_user = ana.create_user("ana@example.org", &[]).await;
    let ben_user = ana.create_user("ben@example.org", &[]).await;
    ana.log_in_as("ana@example.org").await;
    ben.log_in_as("ben@example.org").await;
    // The same picture from both.
    assert_eq!(upload(&ana, png(64, 64)).await.status().as_u16(), 303);
    assert_eq!(upload(&ben, png(64, 64)).await.status().as_u16(), 303);
    let ana_key = avatar_key(&ana, ana_user.id).await.unwrap();
    let ben_key = avatar_key(&ana, ben_user.id).await.unwrap();
    assert_ne!(ana_key, ben_key, "one file per owner");
    // Ana replaces hers: her old file goes, Ben's stays.
    let another = coloured(80, 40, [20, 90, 200]);
    assert_eq!(upload(&ana, another).await.status().as_u16(), 303);
    let ana_new = avatar_key(&ana, ana_user.id).await.unwrap();
    assert_ne!(ana_new, ana_key);
    assert_eq!(served(&ben, &ana_key).await, 404);
    assert_eq!(served(&ben, &ben_key).await, 200);
    assert_eq!(served(&ben, &ana_new).await, 200);

    // Keys made before avatars were keyed per owner could be shared: Ben's points at
    // Ana's file. Ana replacing hers leaves that file for Ben.
    store::users::update_profile(
        &ana.db,
        ben_user.id,
        store::users::ProfileChanges {
            avatar_key: Some(Some(ana_new.clone())),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let third = coloured(50, 50, [90, 200, 20]);
    assert_eq!(upload(&ana, third).await.status().as_u16(), 303);
    assert_eq!(served(&ben, &ana_new).await, 200, "still Ben's");
}

async fn served(app: &TestApp, key: &str) -> u16 {
    app.get(&format!("/avatars/{key}")).await.status().as_u16()
}

async fn images_past_the_pixel_budget_are_refused_before_decoding(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let user = app.create_user("bomb@example.org", &[]).await;
    app.log_in_as("bomb@example.org").await;
    for (width, height) in [(4097, 16), (16, 4097), (30_000, 30_000)] {
        let res = upload(&app, declaring(width, height)).await;
        assert_eq!(res.status().as_u16(), 422, "{width}×{height}");
        let html = res.text().await.unwrap();
        assert!(
            html.contains("larger than 4096 × 4096 pixels or 16 megapixels"),
            "{width}×{height}"
        );
    }
    assert_eq!(avatar_key(&app, user.id).await, None, "nothing stored");
    // At the budget's edge a real image is still accepted.
    assert_eq!(upload(&app, png(4096, 1)).await.status().as_u16(), 303);
}

async fn uploads_are_limited_per_account(backend: Backend) {
    let Some(app) = TestApp::builder(backend)
        .configure(|c| {
            c.limits = Limits {
                uploads_per_account: Limit::per(2, Duration::from_secs(600)),
                ..Limits::default()
            }
        })
        .spawn()
        .await
    else {
        return;
    };
    app.create_user("many@example.org", &[]).await;
    app.log_in_as("many@example.org").await;
    for _ in 0..2 {
        assert_eq!(upload(&app, png(32, 32)).await.status().as_u16(), 303);
    }
    let res = upload(&app, png(32, 32)).await;
    assert_eq!(res.status().as_u16(), 429);
    assert!(res.headers().contains_key("retry-after"));
}

both_backends!(
    replacing_an_avatar_never_removes_another_accounts_file,
    images_past_the_pixel_budget_are_refused_before_decoding,
    uploads_are_limited_per_account,
);
