//! Group commit: saves that arrive while the database is busy with a
//! commit are written together in the next transaction, and each caller
//! hears back only after that transaction has committed.
//!
//! A durable commit waits for the disk (SQLite's `synchronous=FULL`
//! syncs the log on every commit; PostgreSQL's `synchronous_commit`
//! does the same). One commit per save makes the disk's sync rate the
//! ceiling on saves per second; one commit per batch spreads that cost
//! over every save that queued behind it. Nothing waits on purpose: a
//! lone save is committed at once, and batches grow only as load does.
//!
//! The committer is generic over what it writes: a store hands it a
//! function that writes a batch in one transaction and answers one result
//! per job, in order.

use std::future::Future;
use std::time::Instant;

use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use tokio::sync::{mpsc, oneshot};

use super::StoreError;

/// The most saves one transaction takes; more wait for the next.
const MAX_BATCH: usize = 128;
/// Saves that may wait for a committer before callers wait to queue.
const QUEUE: usize = 4096;

/// Batch sizes and commit times, for the metrics (shared handles: the
/// store observes, the metrics registry reads).
#[derive(Debug, Clone)]
pub struct CommitStats {
    /// Saves per committed batch.
    pub batch_size: Histogram,
    /// Seconds from the start of a batch's transaction to its commit.
    pub commit_seconds: Histogram,
    /// Batches written (transactions).
    pub batches: Counter,
    /// Saves written, in all batches.
    pub saves: Counter,
}

impl Default for CommitStats {
    fn default() -> Self {
        Self {
            // 1 to 128.
            batch_size: Histogram::new(exponential_buckets(1.0, 2.0, 8)),
            // 0.1 ms to about 1.6 s.
            commit_seconds: Histogram::new(exponential_buckets(0.0001, 2.0, 15)),
            batches: Counter::default(),
            saves: Counter::default(),
        }
    }
}

struct Waiting<J, R> {
    job: J,
    reply: oneshot::Sender<R>,
}

/// A queue in front of one or more committers ("lanes"). A job goes to the
/// lane its key picks, so one key's jobs are written in the order they
/// were submitted.
pub struct GroupCommit<J, R> {
    lanes: Vec<mpsc::Sender<Waiting<J, R>>>,
    stats: CommitStats,
}

impl<J, R> std::fmt::Debug for GroupCommit<J, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GroupCommit")
            .field("lanes", &self.lanes.len())
            .finish_non_exhaustive()
    }
}

impl<J, R> Clone for GroupCommit<J, R> {
    fn clone(&self) -> Self {
        Self {
            lanes: self.lanes.clone(),
            stats: self.stats.clone(),
        }
    }
}

impl<J: Send + 'static, R: Send + 'static> GroupCommit<J, R> {
    /// Starts `lanes` committers (at least one) on the current runtime,
    /// each calling `commit` with the jobs that queued while it was busy.
    /// They stop when the last handle is dropped.
    pub fn start<F, Fut>(lanes: usize, commit: F) -> Self
    where
        F: Fn(Vec<J>) -> Fut + Clone + Send + Sync + 'static,
        Fut: Future<Output = Vec<R>> + Send + 'static,
    {
        let stats = CommitStats::default();
        let lanes = (0..lanes.max(1))
            .map(|_| {
                let (sender, receiver) = mpsc::channel(QUEUE);
                tokio::spawn(run(receiver, commit.clone(), stats.clone()));
                sender
            })
            .collect();
        Self { lanes, stats }
    }

    /// Queues `job` and waits until the batch it joined has been written;
    /// answers what `commit` answered for it.
    pub async fn submit(&self, key: u128, job: J) -> Result<R, StoreError> {
        let lane = &self.lanes[usize::try_from(key % self.lanes.len() as u128).unwrap_or(0)];
        let (reply, answer) = oneshot::channel();
        lane.send(Waiting { job, reply })
            .await
            .map_err(|_| gone())?;
        answer.await.map_err(|_| gone())
    }

    /// The batch sizes and commit times observed so far.
    pub fn stats(&self) -> &CommitStats {
        &self.stats
    }
}

fn gone() -> StoreError {
    StoreError::Database(sqlx::Error::WorkerCrashed)
}

async fn run<J, R, F, Fut>(mut queue: mpsc::Receiver<Waiting<J, R>>, commit: F, stats: CommitStats)
where
    F: Fn(Vec<J>) -> Fut,
    Fut: Future<Output = Vec<R>>,
{
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while queue.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let (jobs, replies): (Vec<J>, Vec<oneshot::Sender<R>>) =
            batch.drain(..).map(|w| (w.job, w.reply)).unzip();
        let size = jobs.len();
        let started = Instant::now();
        let results = commit(jobs).await;
        stats
            .commit_seconds
            .observe(started.elapsed().as_secs_f64());
        stats
            .batch_size
            .observe(f64::from(u32::try_from(size).unwrap_or(u32::MAX)));
        stats.batches.inc();
        stats.saves.inc_by(size as u64);
        // A caller that went away (its request was cancelled) still had
        // its save written; only the answer has no one to go to.
        for (reply, result) in replies.into_iter().zip(results) {
            let _ = reply.send(result);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn jobs_that_queue_while_a_batch_commits_share_the_next_one() {
        let batches = Arc::new(AtomicUsize::new(0));
        let counted = batches.clone();
        let commit = move |jobs: Vec<u32>| {
            let counted = counted.clone();
            async move {
                counted.fetch_add(1, Ordering::SeqCst);
                // A slow disk: everyone else queues meanwhile.
                tokio::time::sleep(Duration::from_millis(20)).await;
                jobs.into_iter().map(|j| j * 2).collect::<Vec<_>>()
            }
        };
        let group = GroupCommit::start(1, commit);
        let calls = (0..300u32).map(|j| {
            let group = group.clone();
            tokio::spawn(async move { group.submit(u128::from(j), j).await })
        });
        let answers = futures_util::future::join_all(calls).await;
        for (j, answer) in answers.into_iter().enumerate() {
            let answer = answer.expect("task").expect("committed");
            assert_eq!(
                answer,
                u32::try_from(j).expect("small") * 2,
                "each gets its own result"
            );
        }
        let batches = batches.load(Ordering::SeqCst);
        assert!(batches <= 10, "300 saves in {batches} commits");
    }

    #[tokio::test]
    async fn a_caller_hears_back_only_after_the_commit() {
        let (release, released) = oneshot::channel::<()>();
        let released = Arc::new(tokio::sync::Mutex::new(Some(released)));
        let commit = move |jobs: Vec<u32>| {
            let released = released.clone();
            async move {
                if let Some(wait) = released.lock().await.take() {
                    let _ = wait.await;
                }
                jobs
            }
        };
        let group = GroupCommit::start(1, commit);
        let waiting = tokio::spawn({
            let group = group.clone();
            async move { group.submit(1, 7).await }
        });
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(!waiting.is_finished(), "answered before its commit");
        release.send(()).expect("committer waits");
        assert_eq!(waiting.await.expect("task").expect("committed"), 7);
    }
}
