package extract

import (
	"context"
	"fmt"
)

// ctxErr is the error of a done ctx, nil while it runs. The …Context
// functions check it before cleaning, after each stage of the pipeline and
// before each paragraph of the two stages that loop over paragraphs
// (segmentation and quantities), so that a cancelled or expired extraction
// stops within one stage or one paragraph; the error they return then
// wraps ctx.Err() (errors.Is(err, context.DeadlineExceeded)). A stage that
// does not loop over paragraphs (HTML parsing, the outline, the time
// expressions) runs to its end first.
func ctxErr(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	return nil
}
