"""newsfacts output in pandas and polars (run from the repository root after `make`).

pip install pandas pyarrow polars
"""
import pandas as pd
import polars as pl

# pandas: facts with their document's title, money totals by speaker
facts = pd.read_parquet("output/facts.parquet")
documents = pd.read_parquet("output/documents.parquet")
table = facts.merge(documents[["doc_id", "title", "published"]], on="doc_id")
# distinct figures only: not restated, not a part of a total, not the same figure from an earlier document
distinct = table[table.repeat_of.isna() & table.part_of.isna() & table.same_as.isna() & (table.status == "actual")]
money = distinct[distinct.quantity_type == "money"]
print(money.groupby(["speaker", "unit"], dropna=False)["value"].sum().sort_values(ascending=False))

# polars: equipment by type, lazily, straight from the file; grouped by unit too, so a count
# of missiles never adds to "thousands of tonnes of equipment"
equipment = (
    pl.scan_parquet("output/facts.parquet")
    .filter(
        (pl.col("category") == "equipment")
        & pl.col("repeat_of").is_null()
        & pl.col("part_of").is_null()
        & pl.col("same_as").is_null()
        & (pl.col("status") == "actual")
    )
    .group_by("object_head", "unit")
    .agg(pl.col("value").sum().alias("quantity"), pl.len().alias("mentions"))
    .sort("quantity", descending=True)
    .collect()
)
print(equipment)

# the exact words of any fact: offsets are code points, as Python slices them
row = table.iloc[0]
text = documents.set_index("doc_id").loc[row.doc_id, "text"]
assert text[row.start:row.end] == row.mention
