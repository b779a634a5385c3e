"""Write: put rendered files on disk and publish the site with MkDocs, atomically."""
