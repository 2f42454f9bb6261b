//! The work the reading threads share: runs of files, taken in file order,
//! and batches of the records of a file of records. One thread reads and
//! decodes such a file, and any thread may then extract its batches: a
//! single `.jsonl` of a whole archive would otherwise keep one core busy
//! and leave the others idle.

use std::collections::VecDeque;
use std::ops::Range;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// A piece of work for a reading thread.
pub enum Task<'t, B> {
    /// Files to read, by number, and the run taken: ended when dropped.
    Run(Range<usize>, RunTaken<'t, B>),
    /// Records of a file already read, to extract.
    Batch(B),
}

/// Tasks shared by the reading threads: batches waiting first, so that a
/// file of records is done before files after it are begun.
pub struct Tasks<B> {
    state: Mutex<State<B>>,
    changed: Condvar,
    files: usize,
    run: usize,
}

struct State<B> {
    /// The first file not yet taken.
    next: usize,
    batches: VecDeque<B>,
    /// Runs taken and not yet done: each may still add batches.
    running: usize,
    stopped: bool,
}

impl<B> Tasks<B> {
    /// Tasks for `files` files, taken `run` at a time.
    pub fn new(files: usize, run: usize) -> Self {
        Tasks {
            state: Mutex::new(State {
                next: 0,
                batches: VecDeque::new(),
                running: 0,
                stopped: false,
            }),
            changed: Condvar::new(),
            files,
            run: run.max(1),
        }
    }

    /// The next task: a batch waiting, or else the next run of files. With
    /// neither left, waits while a run being read may still add batches;
    /// None once all is done or the reading is stopped.
    pub fn take(&self) -> Option<Task<'_, B>> {
        let mut s = self.lock();
        loop {
            if s.stopped {
                return None;
            }
            if let Some(b) = s.batches.pop_front() {
                return Some(Task::Batch(b));
            }
            if s.next < self.files {
                let run = s.next..(s.next + self.run).min(self.files);
                s.next = run.end;
                s.running += 1;
                return Some(Task::Run(run, RunTaken(self)));
            }
            if s.running == 0 {
                return None;
            }
            s = self.changed.wait(s).unwrap_or_else(PoisonError::into_inner);
        }
    }

    /// Adds batches for any thread to take.
    pub fn add(&self, batches: impl IntoIterator<Item = B>) {
        self.lock().batches.extend(batches);
        self.changed.notify_all();
    }

    /// A run taken is done: it adds no more batches.
    fn run_done(&self) {
        self.lock().running -= 1;
        self.changed.notify_all();
    }

    /// No more tasks are wanted: threads waiting for one stop.
    pub fn stop(&self) {
        self.lock().stopped = true;
        self.changed.notify_all();
    }

    fn lock(&self) -> MutexGuard<'_, State<B>> {
        // The state is whole between any two of its updates.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A run taken, ended when dropped, even by a panic on its thread: the
/// threads waiting for its batches would otherwise wait for ever.
pub struct RunTaken<'t, B>(&'t Tasks<B>);

impl<B> Drop for RunTaken<'_, B> {
    fn drop(&mut self) {
        self.0.run_done();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Takes every task on `threads` threads; each run adds, for each of
    /// its files, `batches_of(file)` batches. Returns the files and the
    /// batches taken.
    fn take_all(
        files: usize,
        run: usize,
        threads: usize,
        batches_of: fn(usize) -> usize,
    ) -> (Vec<usize>, Vec<(usize, usize)>) {
        let tasks = Tasks::new(files, run);
        let taken = Mutex::new((Vec::new(), Vec::new()));
        std::thread::scope(|s| {
            for _ in 0..threads {
                s.spawn(|| {
                    while let Some(task) = tasks.take() {
                        match task {
                            Task::Run(run, _taken) => {
                                for f in run {
                                    taken.lock().unwrap().0.push(f);
                                    tasks.add((0..batches_of(f)).map(|b| (f, b)));
                                }
                            }
                            Task::Batch(b) => taken.lock().unwrap().1.push(b),
                        }
                    }
                });
            }
        });
        let (mut files_taken, mut batches) = taken.into_inner().unwrap();
        files_taken.sort_unstable();
        batches.sort_unstable();
        (files_taken, batches)
    }

    #[test]
    fn every_file_and_batch_is_taken_once() {
        for threads in 1..4 {
            for run in [1, 3, 32] {
                let (files, batches) = take_all(10, run, threads, |f| f % 4);
                assert_eq!(files, (0..10).collect::<Vec<_>>());
                let expected: Vec<(usize, usize)> = (0..10)
                    .flat_map(|f| (0..f % 4).map(move |b| (f, b)))
                    .collect();
                assert_eq!(batches, expected, "{threads} threads, runs of {run}");
            }
        }
    }

    #[test]
    fn a_batch_added_by_the_last_run_is_taken() {
        // One file, one thread that reads it and others with nothing to
        // take but what it adds.
        let (files, batches) = take_all(1, 32, 3, |_| 50);
        assert_eq!(files, vec![0]);
        assert_eq!(batches.len(), 50);
    }

    #[test]
    fn waiting_threads_stop_when_told() {
        let tasks: Tasks<()> = Tasks::new(1, 1);
        let Some(Task::Run(_, _taken)) = tasks.take() else {
            panic!("the one run");
        };
        std::thread::scope(|s| {
            let waiting = s.spawn(|| tasks.take().is_none());
            tasks.stop();
            assert!(waiting.join().unwrap());
        });
    }

    #[test]
    fn a_run_ended_by_a_panic_frees_the_waiting_threads() {
        let tasks: Tasks<()> = Tasks::new(1, 1);
        std::thread::scope(|s| {
            let reader = s.spawn(|| {
                let Some(Task::Run(_, _taken)) = tasks.take() else {
                    return;
                };
                panic!("a file that cannot be read");
            });
            assert!(reader.join().is_err());
            assert!(tasks.take().is_none());
        });
    }
}
