//! What the importer (`crate::import`) needs inside its one write
//! transaction, as a contract both backends implement: finding and making
//! sources, articles and claims, reconciling a claim already there, and
//! writing new claims in batches under one operation. On PostgreSQL the
//! operations carry the session's user and the server's time, and a new
//! claim's history goes in through `COPY`.

use std::collections::HashMap;

use uuid::Uuid;

use super::articles::ArticleParts;
use super::claims::{NewClaim, NewEvent};
use super::journal::{Edited, NewOperation};
use super::{BulkLoad, Store, Write};
use crate::anchor::QuoteAnchor;
use crate::error::Result;
use crate::journal::{ClaimRecord, Operation};
use crate::model::{Article, Claim, Day, Relation, Source, SourceKind, SourceProfile, StatusEvent};

/// The import side of a write transaction.
pub(crate) trait Importing {
    /// How many new claims the importer gathers before it writes them (see
    /// [`Importing::insert_claims`]): each write costs the backend a few
    /// round trips, and the claims wait in memory meanwhile.
    fn claims_per_flush(&self) -> usize;
    /// Whether the database holds any claim, and any article.
    async fn has_claims_and_articles(&mut self) -> Result<(bool, bool)>;
    /// Sets the per-row checks aside while an empty database fills, if the
    /// backend can (`None`: rows are checked one by one as usual).
    async fn begin_bulk_load(&mut self) -> Result<Option<BulkLoad>>;
    /// Checks the whole load at once and puts the per-row checks back.
    async fn finish_bulk_load(&mut self, bulk: BulkLoad) -> Result<()>;

    /// The source a name or alias means.
    async fn find_source(&mut self, name: &str) -> Result<Option<Source>>;
    /// A new source (`source.create`).
    async fn add_source_with_profile(
        &mut self,
        name: &str,
        kind: SourceKind,
        profile: &SourceProfile,
    ) -> Result<Source>;
    /// A source's kind and profile changed (`source.edit`), if they differ
    /// (`None` when nothing changes).
    async fn update_source(
        &mut self,
        key: i64,
        kind: SourceKind,
        profile: &SourceProfile,
        note: Option<String>,
    ) -> Result<Option<Operation>>;
    /// Another name for a source (`source.alias`); false if it had it.
    async fn add_alias(&mut self, source: &Source, alias: &str) -> Result<bool>;
    /// A speaks-for link (`source.speaks_for`); false if it existed.
    async fn add_speaks_for(
        &mut self,
        speaker: &Source,
        organization: &Source,
        role: &str,
        since: Option<Day>,
        until: Option<Day>,
    ) -> Result<bool>;

    /// One article by key.
    async fn article(&mut self, key: i64) -> Result<Article>;
    /// The article with this exact URL.
    async fn find_article_by_url(&mut self, url: &str) -> Result<Option<Article>>;
    /// An article's current body.
    async fn article_body(&mut self, key: i64) -> Result<Option<String>>;
    /// A new article (`article.create`), its URL checked; returns its key.
    async fn add_article(
        &mut self,
        url: &str,
        title: &str,
        publisher: Option<&str>,
        published_on: Option<Day>,
        body: Option<&str>,
    ) -> Result<i64>;
    /// A new article whose URL the caller knows is new; returns its key.
    async fn insert_article(
        &mut self,
        url: &str,
        title: &str,
        publisher: Option<&str>,
        published_on: Option<Day>,
        body: Option<&str>,
    ) -> Result<i64>;
    /// An article's parts changed (an operation of `kind`), a replaced
    /// body kept as a snapshot; `None` when nothing changed.
    async fn update_article(
        &mut self,
        key: i64,
        parts: &ArticleParts<'_>,
        kind: &'static str,
        note: Option<String>,
    ) -> Result<Option<Operation>>;
    /// The fields of a claim or article a person edited, with who and when.
    async fn fields_edited_by_hand(&mut self, subject: Edited) -> Result<HashMap<String, (String, String)>>;

    /// Which of these ids are claims already: id to key.
    async fn existing_claims(&mut self, ids: &[Uuid]) -> Result<HashMap<Uuid, i64>>;
    /// The claim with this exact id.
    async fn claim_by_id(&mut self, id: &Uuid) -> Result<Option<Claim>>;
    /// One claim by key.
    async fn claim(&mut self, key: i64) -> Result<Claim>;
    /// A claim's fields as the journal records them.
    async fn claim_record(&mut self, key: i64) -> Result<ClaimRecord>;
    /// A claim's history, oldest first.
    async fn history(&mut self, key: i64) -> Result<Vec<StatusEvent>>;
    /// Who recorded the claim's latest verdict and when, if a person did.
    async fn latest_verdict_by_hand(&mut self, key: i64) -> Result<Option<(String, String)>>;
    /// Whether the claim's quote is anchored in an earlier body.
    async fn quote_kept_in_snapshot(&mut self, key: i64, quote: &str) -> Result<bool>;

    /// Opens the operation the next claims and events belong to.
    async fn open_operation(&mut self) -> Result<()>;
    /// Appends the open operation with the digests of what it wrote.
    async fn close_operation(&mut self, operation: NewOperation) -> Result<Operation>;
    /// New claims with their tags and histories, under the open operation.
    async fn insert_claims(&mut self, claims: Vec<NewClaim>) -> Result<()>;
    /// One event appended to a claim's history, under the open operation.
    async fn append_event(&mut self, key: i64, event: &NewEvent) -> Result<()>;
    /// A claim's fields brought to `wanted` (an operation of `kind`);
    /// `None` when nothing changed.
    async fn edit_claim(
        &mut self,
        key: i64,
        wanted: &ClaimRecord,
        kind: &'static str,
        note: Option<String>,
        actor: &str,
    ) -> Result<Option<Operation>>;
    /// Where a claim came from outside claimtrack.
    async fn set_origin(&mut self, key: i64, origin: Option<&str>) -> Result<()>;
    /// Where a claim's quote stands in its article's current body.
    async fn set_quote_anchor(&mut self, key: i64, anchor: Option<&QuoteAnchor>) -> Result<()>;
    /// A link between two claims (`link.add`); false if it existed.
    async fn add_link(&mut self, from: &Claim, relation: Relation, to: &Claim, actor: &str) -> Result<bool>;
}

/// The SQLite side: the store's own methods, named in full because the
/// trait's methods have the same names.
impl Importing for Write<'_> {
    fn claims_per_flush(&self) -> usize {
        // Small enough that the reader's few groups of parsed input cover a
        // whole flush (see `cli::import`), large enough that each flush is
        // a few big INSERTs.
        2000
    }

    async fn has_claims_and_articles(&mut self) -> Result<(bool, bool)> {
        Store::has_claims_and_articles(self).await
    }

    async fn begin_bulk_load(&mut self) -> Result<Option<BulkLoad>> {
        Write::begin_bulk_load(self).await
    }

    async fn finish_bulk_load(&mut self, bulk: BulkLoad) -> Result<()> {
        Write::finish_bulk_load(self, bulk).await
    }

    async fn find_source(&mut self, name: &str) -> Result<Option<Source>> {
        Store::find_source(self, name).await
    }

    async fn add_source_with_profile(
        &mut self,
        name: &str,
        kind: SourceKind,
        profile: &SourceProfile,
    ) -> Result<Source> {
        Write::add_source_with_profile(self, name, kind, profile).await
    }

    async fn update_source(
        &mut self,
        key: i64,
        kind: SourceKind,
        profile: &SourceProfile,
        note: Option<String>,
    ) -> Result<Option<Operation>> {
        Write::update_source(self, key, kind, profile, note).await
    }

    async fn add_alias(&mut self, source: &Source, alias: &str) -> Result<bool> {
        Write::add_alias(self, source, alias).await
    }

    async fn add_speaks_for(
        &mut self,
        speaker: &Source,
        organization: &Source,
        role: &str,
        since: Option<Day>,
        until: Option<Day>,
    ) -> Result<bool> {
        Write::add_speaks_for(self, speaker, organization, role, since, until).await
    }

    async fn article(&mut self, key: i64) -> Result<Article> {
        Store::article(self, key).await
    }

    async fn find_article_by_url(&mut self, url: &str) -> Result<Option<Article>> {
        Store::find_article_by_url(self, url).await
    }

    async fn article_body(&mut self, key: i64) -> Result<Option<String>> {
        Store::article_body(self, key).await
    }

    async fn add_article(
        &mut self,
        url: &str,
        title: &str,
        publisher: Option<&str>,
        published_on: Option<Day>,
        body: Option<&str>,
    ) -> Result<i64> {
        Ok(
            Write::add_article(self, url, title, publisher, published_on, body)
                .await?
                .key,
        )
    }

    async fn insert_article(
        &mut self,
        url: &str,
        title: &str,
        publisher: Option<&str>,
        published_on: Option<Day>,
        body: Option<&str>,
    ) -> Result<i64> {
        Ok(
            Write::insert_article(self, url, title, publisher, published_on, body)
                .await?
                .key,
        )
    }

    async fn update_article(
        &mut self,
        key: i64,
        parts: &ArticleParts<'_>,
        kind: &'static str,
        note: Option<String>,
    ) -> Result<Option<Operation>> {
        Write::update_article(self, key, parts, kind, note).await
    }

    async fn fields_edited_by_hand(&mut self, subject: Edited) -> Result<HashMap<String, (String, String)>> {
        Store::fields_edited_by_hand(self, subject).await
    }

    async fn existing_claims(&mut self, ids: &[Uuid]) -> Result<HashMap<Uuid, i64>> {
        Store::existing_claims(self, ids).await
    }

    async fn claim_by_id(&mut self, id: &Uuid) -> Result<Option<Claim>> {
        Store::claim_by_id(self, id).await
    }

    async fn claim(&mut self, key: i64) -> Result<Claim> {
        Store::claim(self, key).await
    }

    async fn claim_record(&mut self, key: i64) -> Result<ClaimRecord> {
        Store::claim_record(self, key).await
    }

    async fn history(&mut self, key: i64) -> Result<Vec<StatusEvent>> {
        Store::history(self, key).await
    }

    async fn latest_verdict_by_hand(&mut self, key: i64) -> Result<Option<(String, String)>> {
        Store::latest_verdict_by_hand(self, key).await
    }

    async fn quote_kept_in_snapshot(&mut self, key: i64, quote: &str) -> Result<bool> {
        Store::quote_kept_in_snapshot(self, key, quote).await
    }

    async fn open_operation(&mut self) -> Result<()> {
        Write::open_operation(self).await
    }

    async fn close_operation(&mut self, operation: NewOperation) -> Result<Operation> {
        Write::close_operation(self, operation).await
    }

    async fn insert_claims(&mut self, claims: Vec<NewClaim>) -> Result<()> {
        Write::insert_claims(self, claims).await?;
        Ok(())
    }

    async fn append_event(&mut self, key: i64, event: &NewEvent) -> Result<()> {
        Write::append_event(self, key, event).await?;
        Ok(())
    }

    async fn edit_claim(
        &mut self,
        key: i64,
        wanted: &ClaimRecord,
        kind: &'static str,
        note: Option<String>,
        actor: &str,
    ) -> Result<Option<Operation>> {
        Write::edit_claim(self, key, wanted, kind, note, actor).await
    }

    async fn set_origin(&mut self, key: i64, origin: Option<&str>) -> Result<()> {
        Write::set_origin(self, key, origin).await
    }

    async fn set_quote_anchor(&mut self, key: i64, anchor: Option<&QuoteAnchor>) -> Result<()> {
        Write::set_quote_anchor(self, key, anchor).await
    }

    async fn add_link(&mut self, from: &Claim, relation: Relation, to: &Claim, actor: &str) -> Result<bool> {
        Write::add_link(self, from, relation, to, actor).await
    }
}
