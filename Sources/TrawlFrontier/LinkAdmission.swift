/// The verdict of ``LinkRules/admit(_:)`` on one discovered link.
public enum LinkAdmission: Sendable, Hashable {
    /// Queue the link under `canonical`, the dedup key after the canonical-form options
    /// (`--strip-query`, `--sort-query`), on the per-host queue `hostKey`.
    case admit(canonical: String, hostKey: String)
    /// Do not queue the link, for this reason.
    case drop(LinkDropReason)
}
