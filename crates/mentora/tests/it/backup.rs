//! Backup and restore on both databases, taken while the app serves: bookings, accounts,
//! avatars and verification documents all come back in a new, empty database and data
//! folder, as a folder or as one `.tar` file; a damaged backup, a newer schema and a
//! target that is not empty are refused before anything is written.

use std::path::Path;

use reqwest::Method;

use crate::bookings::{at, expert, hold_body, learner, pay, post_hold, rules};
use crate::both_backends;
use crate::testkit::{Backend, TestApp, TestDb, config_for, send};

/// A configuration pointing at a new, empty database and data folder.
async fn empty_target(backend: Backend, data: &Path) -> (TestDb, mentora::config::Config) {
    let db = TestDb::create(backend).await.unwrap();
    let mut config = config_for(&db);
    config.data_dir = data.to_owned();
    (db, config)
}

/// The serving app's own configuration.
fn config_of(app: &TestApp) -> mentora::config::Config {
    let mut config = config_for(app.test_db.as_ref().unwrap());
    config.data_dir = app.data_dir.as_ref().unwrap().path().to_owned();
    config
}

async fn a_backup_taken_while_serving_restores_everything(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    // A confirmed session, an avatar and a verification document.
    let (ana, _) = expert(&app, "ana@example.com", rules(0)).await;
    let (_, leo) = learner(&app, "leo@example.com").await;
    let held = post_hold(&app, &leo, &hold_body(&ana, &at(3, 10, 0)), None).await;
    assert_eq!(held.status, 201, "{held}");
    let booking = held.json["id"].as_str().unwrap().to_owned();
    assert_eq!(pay(&app, &leo, &booking, "succeed").await.status, 200);
    let mia = app.create_user("mia@example.com", &[]).await;
    app.log_in_as("mia@example.com").await;
    let res = crate::profile::upload(&app, "me.png", image_png()).await;
    assert_eq!(res.status().as_u16(), 303);
    let mia = store::users::find_by_id(&app.db, mia.id)
        .await
        .unwrap()
        .unwrap();
    let avatar_key = mia.avatar_key.clone().unwrap();
    let avatar_bytes = app
        .get(&format!("/avatars/{avatar_key}"))
        .await
        .bytes()
        .await
        .unwrap();
    let (_, applicant) = crate::experts::submitted_applicant(&app, "zoe@example.com").await;
    let documents = store::experts::documents(&app.db, applicant.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(documents.len(), 1);

    let place = tempfile::tempdir().unwrap();
    let folder = place.path().join("backup");
    let archive = place.path().join("backup.tar");
    let config = config_of(&app);
    // Learners keep booking while the backup runs.
    let writes = async {
        for day in 4..14 {
            let held = post_hold(&app, &leo, &hold_body(&ana, &at(day, 10, 0)), None).await;
            assert_eq!(held.status, 201, "{held}");
            let id = held.json["id"].as_str().unwrap();
            assert_eq!(pay(&app, &leo, id, "succeed").await.status, 200);
        }
    };
    let (made, ()) = tokio::join!(mentora::backup::backup(&config, &folder), writes);
    let made = made.unwrap();
    assert_eq!(made.files, 2, "the avatar and the document");
    mentora::backup::backup(&config, &archive).await.unwrap();
    let manifest = mentora::backup::Manifest::read(&folder).unwrap();
    assert_eq!(manifest.backend, backend_name(backend));
    assert_eq!(manifest.migrations, store::migrations::known());

    for from in [&folder, &archive] {
        let data = tempfile::tempdir().unwrap();
        let (restored_db, restored) = empty_target(backend, data.path()).await;
        mentora::backup::restore(&restored, from).await.unwrap();
        let url = restored.database_url.clone();
        let dir = data.path().to_owned();
        let again = TestApp::builder(backend)
            .configure(move |c| {
                c.database_url = url;
                c.data_dir = dir;
            })
            .spawn()
            .await
            .unwrap();
        // The learner logs in with the same password and finds the same session.
        let (leo_again, _) = again.api_log_in("leo@example.com").await;
        let answer = send(
            &again,
            Method::GET,
            &format!("/api/v1/bookings/{booking}"),
            &leo_again,
            None,
        )
        .await;
        assert_eq!(
            (answer.status, answer.json["status"].as_str()),
            (200, Some("confirmed")),
            "{answer}"
        );
        let served = again.get(&format!("/avatars/{avatar_key}")).await;
        assert_eq!(served.status().as_u16(), 200);
        assert_eq!(served.bytes().await.unwrap(), avatar_bytes);
        let files = mentora::app::open_files(&restored).unwrap();
        let document = files.get(&documents[0].storage_key).await.unwrap().unwrap();
        assert_eq!(document.len() as i64, documents[0].size_bytes);
        again.stop().await;
        drop(restored_db);
    }
}

async fn damaged_newer_or_misplaced_restores_are_refused(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    app.create_user("mia@example.com", &[]).await;
    app.log_in_as("mia@example.com").await;
    crate::profile::upload(&app, "me.png", image_png()).await;
    let place = tempfile::tempdir().unwrap();
    let folder = place.path().join("backup");
    mentora::backup::backup(&config_of(&app), &folder)
        .await
        .unwrap();
    let refused = async |from: &Path, target: &mentora::config::Config| {
        mentora::backup::restore(target, from)
            .await
            .err()
            .map(|e| format!("{e:#}"))
            .unwrap_or_default()
    };

    // From a database that is not there (a mistyped data folder): nothing to back up.
    if backend == Backend::Sqlite {
        let mut nowhere = config_of(&app);
        nowhere.database_url = format!(
            "sqlite://{}",
            place.path().join("typo/mentora.db").display()
        );
        let err = mentora::backup::backup(&nowhere, &place.path().join("empty"))
            .await
            .err()
            .map(|e| format!("{e:#}"))
            .unwrap_or_default();
        assert!(err.contains("there is no database"), "{err}");
        assert!(
            !place.path().join("typo/mentora.db").exists(),
            "no stray database made"
        );
    }

    // Into the serving app's own database: not empty.
    let into_itself = refused(&folder, &config_of(&app)).await;
    assert!(into_itself.contains("not empty"), "{into_itself}");

    // A changed byte in an uploaded file.
    let damaged = place.path().join("damaged");
    copy_dir(&folder, &damaged);
    let manifest = mentora::backup::Manifest::read(&damaged).unwrap();
    let file = damaged.join(&manifest.files[0].path);
    let mut bytes = std::fs::read(&file).unwrap();
    bytes[0] ^= 1;
    std::fs::write(&file, bytes).unwrap();
    let data = tempfile::tempdir().unwrap();
    let (_db, target) = empty_target(backend, data.path()).await;
    let err = refused(&damaged, &target).await;
    assert!(err.contains("checksum"), "{err}");

    // A schema from a newer Mentora.
    let newer = place.path().join("newer");
    copy_dir(&folder, &newer);
    let mut manifest = mentora::backup::Manifest::read(&newer).unwrap();
    manifest
        .migrations
        .push("m20991231_000099_from_the_future".into());
    manifest.write(&newer).unwrap();
    let err = refused(&newer, &target).await;
    assert!(err.contains("newer schema"), "{err}");

    // Nothing was written by the refusals: the target is still empty and takes the
    // intact backup.
    mentora::backup::restore(&target, &folder).await.unwrap();
    app.stop().await;
}

fn backend_name(backend: Backend) -> &'static str {
    match backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    }
}

fn image_png() -> Vec<u8> {
    let img = image::RgbImage::from_pixel(32, 32, image::Rgb([20, 90, 200]));
    let mut out = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

both_backends!(
    a_backup_taken_while_serving_restores_everything,
    damaged_newer_or_misplaced_restores_are_refused,
);
