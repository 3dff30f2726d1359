//! `/healthz` and `/readyz`.

use crate::helpers::TestApp;
use crate::on_both_engines;

async fn healthz_answers_while_the_process_is_up(app: TestApp) {
    let res = app.get("/healthz").await;
    assert_eq!(res.status, 200);
    assert_eq!(res.json()["status"], "ok");
}

async fn readyz_answers_when_the_database_does(app: TestApp) {
    let res = app.get("/readyz").await;
    assert_eq!(res.status, 200);
    let json = res.json();
    assert_eq!(json["status"], "ok");
    assert_eq!(json["database"], app.store.engine().name());
}

on_both_engines!(
    healthz_answers_while_the_process_is_up,
    readyz_answers_when_the_database_does
);
