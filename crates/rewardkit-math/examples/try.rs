//! Try one pair: `cargo run -p rewardkit-math --example try -- GOLD PRED`.
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let o = rewardkit_math::Options {
        explain: true,
        ..Default::default()
    };
    let v = rewardkit_math::verify(&a[1], &a[2], &o);
    for s in &v.steps {
        println!("  {s}");
    }
    println!(
        "{:?}: {} | {:?} | {:?}",
        v.outcome, v.reason, v.gold, v.pred
    );
}
