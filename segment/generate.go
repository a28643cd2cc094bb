package segment

//go:generate go run ./internal/gendict -lexicon lexicon -out dict/zh_s.dict
