"""The agenda editor of the meeting workspace: tree model, item form, undo commands,
papers, standing items, circulation."""
