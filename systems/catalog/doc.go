// Package catalog is what the models under systems/ share about their
// fixes: a fix's documentation (FixInfo), sets of fixes (Set), and the
// strategy names that drop fixes, <strategy>-without=<fix>[,<fix>...]
// (ParseAblation). Each model declares its own Fix type and list; the
// generic code here keeps the parsing and the set arithmetic in one place.
//
//	type Fix uint8
//	type FixInfo = catalog.FixInfo[Fix]
//	type FixSet = catalog.Set[Fix]
//
//	base, without, err := catalog.ParseAblation("layer-store", "go-without=global-lock-order", Fixes())
package catalog
